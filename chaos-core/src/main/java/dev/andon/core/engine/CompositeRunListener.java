package dev.andon.core.engine;

import dev.andon.core.model.Experiment;
import dev.andon.core.spi.Compensation;
import java.time.Instant;
import java.util.List;

/**
 * Forwards every event to each listener in order. A listener that throws stops the run: the journal
 * failing to write is a reason not to inject. Listeners whose failures must not matter (webhooks) catch
 * their own.
 */
final class CompositeRunListener implements RunListener {

    private final List<RunListener> listeners;

    CompositeRunListener(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void runStarted(Experiment experiment, RunOptions options, Instant at) {
        listeners.forEach(l -> l.runStarted(experiment, options, at));
    }

    @Override
    public void phaseStarted(Phase phase, Instant at) {
        listeners.forEach(l -> l.phaseStarted(phase, at));
    }

    @Override
    public void targetsSelected(Selection selection) {
        listeners.forEach(l -> l.targetsSelected(selection));
    }

    @Override
    public void undoPlanned(String undoId, Compensation compensation, Instant at) {
        listeners.forEach(l -> l.undoPlanned(undoId, compensation, at));
    }

    @Override
    public void undoFinished(String undoId, ActionRecord record) {
        listeners.forEach(l -> l.undoFinished(undoId, record));
    }

    @Override
    public void actionFinished(ActionRecord record) {
        listeners.forEach(l -> l.actionFinished(record));
    }

    @Override
    public void probeSampled(ProbeSample sample) {
        listeners.forEach(l -> l.probeSampled(sample));
    }

    @Override
    public void hypothesisChanged(boolean holds, Instant at, String reason) {
        listeners.forEach(l -> l.hypothesisChanged(holds, at, reason));
    }

    @Override
    public void note(String message, Instant at) {
        listeners.forEach(l -> l.note(message, at));
    }

    @Override
    public void runFinished(RunResult result) {
        listeners.forEach(l -> l.runFinished(result));
    }
}
