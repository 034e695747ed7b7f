package dev.andon.core.testing;

import dev.andon.core.engine.ActionRecord;
import dev.andon.core.engine.Phase;
import dev.andon.core.engine.ProbeSample;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunResult;
import dev.andon.core.engine.Selection;
import dev.andon.core.spi.Compensation;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event of a run, in order, as a line of text plus the typed values tests assert on. */
public final class RecordingListener implements RunListener {

    public final List<String> events = new CopyOnWriteArrayList<>();
    public final List<Phase> phases = new CopyOnWriteArrayList<>();
    public final List<Selection> selections = new CopyOnWriteArrayList<>();
    public final List<ActionRecord> actions = new CopyOnWriteArrayList<>();
    public final List<ActionRecord> undos = new CopyOnWriteArrayList<>();
    public final List<Compensation> plannedUndos = new CopyOnWriteArrayList<>();
    public final List<ProbeSample> samples = new CopyOnWriteArrayList<>();
    public final List<String> notes = new CopyOnWriteArrayList<>();
    public volatile RunResult result;

    @Override
    public void phaseStarted(Phase phase, Instant at) {
        phases.add(phase);
        events.add("phase " + phase.spelling());
    }

    @Override
    public void targetsSelected(Selection selection) {
        selections.add(selection);
        events.add("selected " + selection.targetSet() + " " + selection.selected().stream().map(t -> t.id()).toList());
    }

    @Override
    public void undoPlanned(String undoId, Compensation compensation, Instant at) {
        plannedUndos.add(compensation);
        events.add("undo-planned " + undoId + " " + compensation.description());
    }

    @Override
    public void undoFinished(String undoId, ActionRecord record) {
        undos.add(record);
        events.add("undo-finished " + undoId + " " + record.status().spelling());
    }

    @Override
    public void actionFinished(ActionRecord record) {
        actions.add(record);
        events.add(record.kind() + " " + record.action() + record.target().map(t -> " " + t.id()).orElse("") + " " + record.status().spelling());
    }

    @Override
    public void probeSampled(ProbeSample sample) {
        samples.add(sample);
    }

    @Override
    public void hypothesisChanged(boolean holds, Instant at, String reason) {
        events.add(holds ? "recovered" : "broke: " + reason);
    }

    @Override
    public void note(String message, Instant at) {
        notes.add(message);
    }

    @Override
    public void runFinished(RunResult r) {
        result = r;
        events.add("finished " + r.outcome().spelling());
    }
}
