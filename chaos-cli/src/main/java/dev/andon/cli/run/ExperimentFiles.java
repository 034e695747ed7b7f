package dev.andon.cli.run;

import dev.andon.cli.options.VariableOptions;
import dev.andon.core.load.ExperimentLoader;
import dev.andon.core.load.InvalidFileException;
import dev.andon.core.model.Experiment;
import dev.andon.core.spi.PluginRegistry;
import java.nio.file.Path;

/** Loads experiment files for commands, with every plugin on the class path. */
public final class ExperimentFiles {

    private final PluginRegistry registry;

    public ExperimentFiles(PluginRegistry registry) {
        this.registry = registry;
    }

    public static ExperimentFiles withInstalledPlugins() {
        return new ExperimentFiles(PluginRegistry.load());
    }

    public PluginRegistry registry() {
        return registry;
    }

    public Experiment load(Path file, VariableOptions variables) throws InvalidFileException {
        return new ExperimentLoader(registry).load(file, variables.variables());
    }
}
