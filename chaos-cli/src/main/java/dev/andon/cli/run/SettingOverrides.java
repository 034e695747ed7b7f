package dev.andon.cli.run;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import dev.andon.core.spi.AndonPlugin;
import dev.andon.core.spi.ParameterBinding;
import dev.andon.core.spi.PluginRegistry;
import java.util.Map;

/** Checks command-line plugin settings before a run, so a typo is a usage error and not a failed run. */
final class SettingOverrides {

    private SettingOverrides() {
    }

    static Map<String, Map<String, String>> check(PluginRegistry registry, Map<String, Map<String, String>> overrides) {
        overrides.forEach((plugin, values) -> {
            AndonPlugin p = registry.plugin(plugin).orElseThrow(() -> new UserError(ExitCodes.INVALID_INPUT,
                    "--setting " + plugin + ".…: no plugin named '" + plugin + "' (installed: "
                            + registry.plugins().stream().map(AndonPlugin::name).toList() + ")"));
            try {
                ParameterBinding.bind("--setting " + plugin, p.settings(), values);
            } catch (IllegalArgumentException e) {
                // Only unknown keys and bad values matter here; required settings may come from the file.
                if (!e.getMessage().contains("is required")) {
                    throw new UserError(ExitCodes.INVALID_INPUT, e.getMessage());
                }
            }
        });
        return overrides;
    }
}
