package dev.andon.core.load;

import dev.andon.core.spi.AndonPlugin;
import dev.andon.core.spi.Parameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads {@code spec.settings}: one map per plugin name, checked against {@link AndonPlugin#settings()}. */
final class SettingsReader {

    private SettingsReader() {
    }

    static Map<String, Parameters> read(Node.MapNode settings, ReadContext context) {
        Map<String, Parameters> byPlugin = new LinkedHashMap<>();
        for (Node.Entry entry : settings.entries().values()) {
            Optional<AndonPlugin> plugin = context.registry().plugin(entry.key());
            if (plugin.isEmpty()) {
                context.problems().at(entry, "unknown plugin '" + entry.key() + "' under settings",
                        DidYouMean.hint(entry.key(), context.registry().plugins().stream().map(AndonPlugin::name).toList(), "plugins"));
                continue;
            }
            Parameters parameters = ParameterReader.read(entry.value(), plugin.get().settings(), "settings of plugin '" + entry.key() + "'",
                    context.problems());
            context.addSecrets(ParameterReader.secretValues(plugin.get().settings(), parameters));
            byPlugin.put(entry.key(), parameters);
        }
        return byPlugin;
    }
}
