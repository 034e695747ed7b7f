package dev.andon.core.report;

import dev.andon.core.engine.ActionRecord;
import dev.andon.core.engine.ProbeSample;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.engine.Selection;
import dev.andon.core.model.Experiment;
import dev.andon.core.spi.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Listens to one run and keeps what a report needs of it; thread-safe, since probes sample on their own threads. */
public final class RunTraceRecorder implements RunListener {

    private String runId = "";
    private String experiment = "";
    private String trigger = "cli";
    private Instant started;
    private boolean dryRun;
    private final List<RunTrace.TargetTrace> targets = new ArrayList<>();
    private final List<RunTrace.SampleTrace> samples = new ArrayList<>();
    private final List<RunTrace.ActionTrace> actions = new ArrayList<>();
    private final List<RunTrace.Flip> flips = new ArrayList<>();
    private RunResult result;

    @Override
    public synchronized void runStarted(Experiment e, RunOptions options, Instant at) {
        runId = options.runId();
        experiment = e.name();
        trigger = options.trigger();
        dryRun = options.dryRun();
        started = at;
    }

    @Override
    public synchronized void targetsSelected(Selection selection) {
        for (Target t : selection.selected()) {
            targets.add(new RunTrace.TargetTrace(selection.targetSet(), t.provider(), t.id(), t.name()));
        }
    }

    @Override
    public synchronized void actionFinished(ActionRecord r) {
        record(r);
    }

    @Override
    public synchronized void undoFinished(String undoId, ActionRecord r) {
        record(r);
    }

    private void record(ActionRecord r) {
        actions.add(new RunTrace.ActionTrace(r.kind(), r.action(), r.target().map(Target::name).orElse(""), r.started(), r.ended(),
                r.status().spelling(), r.summary()));
    }

    @Override
    public synchronized void probeSampled(ProbeSample s) {
        samples.add(new RunTrace.SampleTrace(s.probe(), s.stage(), s.at(), s.passed(), s.latency().toMillis(),
                s.failures().isEmpty() ? "" : s.failures().get(0)));
    }

    @Override
    public synchronized void hypothesisChanged(boolean holds, Instant at, String reason) {
        flips.add(new RunTrace.Flip(at, holds, reason));
    }

    @Override
    public synchronized void runFinished(RunResult r) {
        result = r;
    }

    /** What was recorded so far; a run still going has outcome {@code running}. */
    public synchronized RunTrace trace(Instant now) {
        Instant start = result != null ? result.started() : started != null ? started : now;
        return new RunTrace(
                result != null ? result.runId() : runId,
                result != null ? result.experiment() : experiment,
                trigger,
                result != null ? result.outcome().spelling() : "running",
                result != null ? result.reason() : "",
                start,
                result != null ? result.ended() : now,
                result != null ? result.timeToRecovery() : Optional.empty(),
                result != null && result.recoveryTimedOut(),
                result != null ? result.dryRun() : dryRun,
                targets, samples, actions, flips);
    }
}
