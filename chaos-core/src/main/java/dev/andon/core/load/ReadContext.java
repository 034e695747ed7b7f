package dev.andon.core.load;

import dev.andon.core.spi.Part;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.PluginRegistry;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the section readers of one experiment file share: the plugins, the problems found, the secrets seen. */
final class ReadContext {

    private final PluginRegistry registry;
    private final Problems problems;
    private final Set<String> secretValues = new LinkedHashSet<>();

    ReadContext(PluginRegistry registry, Problems problems) {
        this.registry = registry;
        this.problems = problems;
    }

    PluginRegistry registry() {
        return registry;
    }

    Problems problems() {
        return problems;
    }

    List<String> secretValues() {
        return List.copyOf(secretValues);
    }

    void addSecrets(List<String> values) {
        secretValues.addAll(values);
    }

    /**
     * Reads a part's parameters out of {@code reader} (which may hold other keys), then runs the part's own
     * checks when the parameters themselves were fine; those problems are reported at {@code at}.
     */
    Parameters partParameters(MapReader reader, Part part, Node at, String what) {
        int before = problems.size();
        Parameters parameters = ParameterReader.read(reader, part.parameters());
        addSecrets(ParameterReader.secretValues(part.parameters(), parameters));
        if (problems.size() == before) {
            for (String problem : part.check(parameters)) {
                problems.at(at, what + ": " + problem, "");
            }
        }
        return parameters;
    }
}
