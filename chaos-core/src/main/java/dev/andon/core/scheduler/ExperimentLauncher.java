package dev.andon.core.scheduler;

import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.model.Experiment;

/**
 * Runs an experiment for a schedule once its guards passed: the engine with the store's listener, the
 * journal, metrics and webhooks, and the cord as stop signal. The daemon wires it; tests may count calls.
 */
@FunctionalInterface
public interface ExperimentLauncher {

    RunResult launch(Schedule schedule, Experiment experiment, RunOptions options);
}
