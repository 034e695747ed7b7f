package dev.andon.cli.run;

import dev.andon.core.engine.ActionRecord;
import dev.andon.core.engine.Phase;
import dev.andon.core.engine.ProbeSample;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.engine.Selection;
import dev.andon.core.model.Durations;
import dev.andon.core.model.Experiment;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.Target;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a person watching {@code andon run} sees: the phase, the targets, probe results as they change
 * (not every sample: a probe that keeps passing is one line), actions, and one verdict line.
 */
public final class TerminalReporter implements RunListener {

    private static final int MAX_NAME = 70;

    private final PrintWriter out;
    private final Map<String, Boolean> lastProbeState = new ConcurrentHashMap<>();
    private volatile Instant started;
    private volatile Experiment experiment;

    public TerminalReporter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void runStarted(Experiment e, RunOptions options, Instant at) {
        this.started = at;
        this.experiment = e;
        print("run " + options.runId() + " of '" + e.name() + "'" + (e.metadata().description().isEmpty() ? "" : ": " + e.metadata().description()));
        print("seed " + options.seed() + (options.dryRun() || e.safety().dryRun() ? " · DRY RUN: nothing will be injected" : ""));
    }

    @Override
    public synchronized void phaseStarted(Phase phase, Instant at) {
        if (phase != Phase.DONE && phase != Phase.GUARDS) {
            print("» " + phase.spelling());
        }
    }

    @Override
    public synchronized void targetsSelected(Selection s) {
        print("  targets '" + s.targetSet() + "' (" + s.provider() + ", " + s.mode() + "): " + s.candidates().size() + " candidates, "
                + s.eligibleCount() + " eligible, " + s.selected().size() + " picked");
        for (Target t : s.selected()) {
            print("    → " + t.id() + "  " + shorten(t.name()));
        }
        s.refusal().ifPresent(r -> print("  ✗ " + r));
    }

    @Override
    public synchronized void undoPlanned(String undoId, Compensation c, Instant at) {
        print("  undo planned: " + c.description());
    }

    @Override
    public synchronized void undoFinished(String undoId, ActionRecord r) {
        print("  " + mark(r) + " undo: " + r.summary() + r.error().map(e -> " — " + e).orElse(""));
    }

    @Override
    public synchronized void actionFinished(ActionRecord r) {
        print("  " + mark(r) + " " + r.action() + r.target().map(t -> " " + t.id()).orElse("") + ": " + r.summary()
                + r.error().map(e -> " — " + e).orElse(""));
    }

    @Override
    public synchronized void probeSampled(ProbeSample s) {
        String key = s.probe();
        Boolean previous = lastProbeState.put(key, s.passed());
        boolean oneShot = s.stage().equals("before") || s.stage().equals("after") || s.stage().equals("method");
        if (oneShot || previous == null || previous != s.passed()) {
            String detail = s.passed() ? describe(s) : String.join("; ", s.failures());
            print("  " + (s.passed() ? "✓" : "✗") + " " + s.probe() + " [" + s.stage() + elapsed(s.at()) + "] " + detail);
        }
    }

    @Override
    public synchronized void hypothesisChanged(boolean holds, Instant at, String reason) {
        print("  " + (holds ? "↑ recovered" : "↓ broke") + elapsed(at) + (holds ? "" : ": " + reason));
    }

    @Override
    public synchronized void note(String message, Instant at) {
        print("  · " + message);
    }

    @Override
    public synchronized void runFinished(RunResult r) {
        out.println(verdict(r));
        out.flush();
    }

    /** The one line that says how it ended: outcome, time to recovery, why. */
    public static String verdict(RunResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.outcome().spelling().toUpperCase(java.util.Locale.ROOT));
        if (r.timeToRecovery().isPresent()) {
            sb.append(" · time to recovery ").append(Durations.seconds(r.timeToRecovery().get()));
        } else if (r.recoveryTimedOut()) {
            sb.append(" · did not recover");
        } else if (r.deviated()) {
            sb.append(" · not recovered when the run ended");
        } else if (!r.dryRun() && r.outcome() == dev.andon.core.engine.Outcome.HELD) {
            sb.append(" · nothing broke");
        }
        sb.append(" · ").append(r.reason());
        sb.append(" · ").append(Durations.seconds(r.duration()));
        return sb.toString();
    }

    private String elapsed(Instant at) {
        Instant s = started;
        return s == null ? "" : " +" + Durations.seconds(Duration.between(s, at));
    }

    private static String describe(ProbeSample s) {
        Object status = s.values().get("status");
        Object value = s.values().get("value");
        Object stdout = s.values().get("stdout");
        String what = status != null ? "status " + status
                : value != null ? "value " + value
                : stdout != null && !stdout.toString().isBlank() ? "stdout '" + shorten(stdout.toString().strip()) + "'"
                : "ok";
        return what + " in " + s.latency().toMillis() + "ms";
    }

    private static String mark(ActionRecord r) {
        return switch (r.status()) {
            case DONE -> "✓";
            case REHEARSED -> "~";
            case TARGET_GONE -> "?";
            case SKIPPED -> "-";
            case FAILED -> "✗";
        };
    }

    private static String shorten(String s) {
        return s.length() <= MAX_NAME ? s : s.substring(0, MAX_NAME - 1) + "…";
    }

    private void print(String line) {
        Experiment e = experiment;
        out.println(e == null ? line : e.redact(line));
        out.flush();
    }
}
