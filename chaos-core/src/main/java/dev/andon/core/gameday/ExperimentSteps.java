package dev.andon.core.gameday;

import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.engine.Selection;
import dev.andon.core.load.InvalidFileException;
import dev.andon.core.model.Experiment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How a game day loads, plans and runs its experiment steps: the experiment loader and the engine. */
public interface ExperimentSteps {

    Experiment load(Path file, Map<String, String> variables) throws InvalidFileException;

    /** The targets the experiment would hit now; nothing is touched. */
    List<Selection> plan(Experiment experiment, RunOptions options);

    RunResult run(Experiment experiment, RunOptions options, RunListener listener);
}
