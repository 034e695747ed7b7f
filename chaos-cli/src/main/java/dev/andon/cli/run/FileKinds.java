package dev.andon.cli.run;

import dev.andon.core.load.ExperimentLoader;
import dev.andon.core.load.InvalidFileException;
import dev.andon.core.load.Node;
import dev.andon.core.load.Problem;
import dev.andon.core.load.SourceParser;
import dev.andon.core.load.Variables;
import dev.andon.core.model.Experiment;
import dev.andon.core.spi.PluginRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validates a file of any kind Andon reads, dispatching on its {@code kind}. */
final class FileKinds {

    /** Validates one kind of file and says in a few words what it holds. */
    @FunctionalInterface
    interface KindValidator {
        String validate(Path file, Variables variables) throws InvalidFileException;
    }

    private final Map<String, KindValidator> byKind = new LinkedHashMap<>();

    static FileKinds installed() {
        PluginRegistry registry = PluginRegistry.load();
        FileKinds kinds = new FileKinds();
        kinds.byKind.put("Experiment", (file, vars) -> {
            Experiment e = new ExperimentLoader(registry).load(file, vars);
            return "Experiment '" + e.name() + "': " + e.targets().size() + " target set(s), " + e.method().size() + " step(s), "
                    + e.hypothesis().probes().size() + " hypothesis probe(s)";
        });
        return kinds;
    }

    String validate(Path file, Variables variables) throws InvalidFileException {
        Node root = SourceParser.parse(file);
        String kind = root instanceof Node.MapNode map && map.get("kind") instanceof Node.Scalar s ? s.text() : "";
        KindValidator validator = byKind.get(kind);
        if (validator == null) {
            int line = root instanceof Node.MapNode map && map.entries().get("kind") != null ? map.entries().get("kind").line() : 1;
            throw new InvalidFileException(List.of(new Problem(file.toString(), line, 1,
                    kind.isEmpty() ? "missing 'kind'" : "unknown kind '" + kind + "'", "one of " + byKind.keySet())));
        }
        return validator.validate(file, variables);
    }
}
