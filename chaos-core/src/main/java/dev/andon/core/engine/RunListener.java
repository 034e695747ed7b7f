package dev.andon.core.engine;

import dev.andon.core.model.Experiment;
import dev.andon.core.spi.Compensation;
import java.time.Instant;
import java.util.List;

/**
 * Everything a run does, as it happens: the journal, the terminal, the history store, metrics and the
 * game-day timeline each listen. Called on the run's threads, synchronously, so a listener that writes
 * (the journal) has written before the engine moves on: an undo is on disk before its fault is injected.
 */
public interface RunListener {

    default void runStarted(Experiment experiment, RunOptions options, Instant at) {
    }

    default void phaseStarted(Phase phase, Instant at) {
    }

    default void targetsSelected(Selection selection) {
    }

    /** An undo the engine will run unless the fault is never injected; journaled before the fault. */
    default void undoPlanned(String undoId, Compensation compensation, Instant at) {
    }

    default void undoFinished(String undoId, ActionRecord record) {
    }

    default void actionFinished(ActionRecord record) {
    }

    default void probeSampled(ProbeSample sample) {
    }

    /** The hypothesis changed state during or after injection: broke ({@code holds=false}) or recovered. */
    default void hypothesisChanged(boolean holds, Instant at, String reason) {
    }

    default void note(String message, Instant at) {
    }

    default void runFinished(RunResult result) {
    }

    static RunListener all(List<RunListener> listeners) {
        return new CompositeRunListener(listeners);
    }
}
