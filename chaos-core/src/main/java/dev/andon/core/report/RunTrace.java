package dev.andon.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run as a report draws it: what was hit, what the hypothesis probes saw over time, when the fault went
 * in and when the system recovered. Read from a run journal or recorded live during a game day.
 *
 * @param runId            the run's id
 * @param experiment       the experiment's name
 * @param trigger          {@code cli}, {@code schedule:<name>}, {@code gameday:<name>}
 * @param outcome          held, deviated, aborted, failed, interrupted
 * @param reason           one line explaining the outcome
 * @param started          when the run began
 * @param ended            when it ended
 * @param timeToRecovery   first injection to the first passing sample after a break; empty if none
 * @param recoveryTimedOut it broke and did not recover within the recovery timeout
 * @param dryRun           nothing was injected
 * @param targets          the selected targets
 * @param samples          every hypothesis (and method) probe sample
 * @param actions          method actions, rollbacks and undos
 * @param flips            the hypothesis breaking and recovering
 */
public record RunTrace(
        String runId,
        String experiment,
        String trigger,
        String outcome,
        String reason,
        Instant started,
        Instant ended,
        Optional<Duration> timeToRecovery,
        boolean recoveryTimedOut,
        boolean dryRun,
        List<TargetTrace> targets,
        List<SampleTrace> samples,
        List<ActionTrace> actions,
        List<Flip> flips) {

    public RunTrace {
        targets = List.copyOf(targets);
        samples = List.copyOf(samples);
        actions = List.copyOf(actions);
        flips = List.copyOf(flips);
    }

    /** A target that was selected. */
    public record TargetTrace(String targetSet, String provider, String id, String name) {
    }

    /** One probe sample; {@code failure} is the first reason it failed, empty when it passed. */
    public record SampleTrace(String probe, String stage, Instant at, boolean passed, long latencyMillis, String failure) {
    }

    /** One action: {@code kind} is method, rollback or undo; {@code status} done, rehearsed, failed ... */
    public record ActionTrace(String kind, String action, String target, Instant started, Instant ended, String status, String summary) {
    }

    /** The hypothesis changed state: broke ({@code holds=false}) or recovered. */
    public record Flip(Instant at, boolean holds, String reason) {
    }

    /** When the first method action that did something started: the injection moment. */
    public Optional<Instant> firstInjection() {
        return actions.stream()
                .filter(a -> a.kind().equals("method") && (a.status().equals("done") || a.status().equals("rehearsed")))
                .map(ActionTrace::started)
                .min(Instant::compareTo);
    }

    /** The first moment the hypothesis held again after having broken. */
    public Optional<Instant> recoveredAt() {
        boolean broke = false;
        for (Flip f : flips) {
            if (!f.holds()) {
                broke = true;
            } else if (broke) {
                return Optional.of(f.at());
            }
        }
        return Optional.empty();
    }

    public Duration duration() {
        return Duration.between(started, ended);
    }

    /** Share of hypothesis samples (not method probe steps) that passed, 0..1; empty without samples. */
    public Optional<Double> passRate() {
        List<SampleTrace> hypothesis = samples.stream().filter(s -> !s.stage().equals("method")).toList();
        if (hypothesis.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(hypothesis.stream().filter(SampleTrace::passed).count() / (double) hypothesis.size());
    }

    /** The same run with only its first {@code n} samples. */
    public RunTrace withSamples(int n) {
        return new RunTrace(runId, experiment, trigger, outcome, reason, started, ended, timeToRecovery, recoveryTimedOut, dryRun, targets,
                samples.subList(0, Math.min(n, samples.size())), actions, flips);
    }

    public List<String> probeNames() {
        return samples.stream().map(SampleTrace::probe).distinct().toList();
    }
}
