package dev.andon.core.gameday;

import dev.andon.core.engine.ExperimentRunner;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.engine.Selection;
import dev.andon.core.load.ExperimentLoader;
import dev.andon.core.load.InvalidFileException;
import dev.andon.core.load.Variables;
import dev.andon.core.model.Experiment;
import dev.andon.core.spi.ProviderException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Experiment steps loaded by the experiment loader and run by the engine. The game day's variables are passed
 * as if given with {@code --var}; the environment is still read for anything else.
 */
public record EngineSteps(ExperimentLoader loader, ExperimentRunner runner, Map<String, String> environment) implements ExperimentSteps {

    public EngineSteps {
        environment = Map.copyOf(environment);
    }

    @Override
    public Experiment load(Path file, Map<String, String> variables) throws InvalidFileException {
        return loader.load(file, new Variables(variables, Map.of(), environment));
    }

    @Override
    public List<Selection> plan(Experiment experiment, RunOptions options) {
        try {
            return runner.plan(experiment, options);
        } catch (ProviderException e) {
            throw new IllegalStateException("cannot list the targets of " + experiment.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RunResult run(Experiment experiment, RunOptions options, RunListener listener) {
        return runner.run(experiment, options, listener);
    }
}
