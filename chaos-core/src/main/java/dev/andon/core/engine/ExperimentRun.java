package dev.andon.core.engine;

import dev.andon.core.model.Experiment;
import dev.andon.core.model.Hypothesis;
import dev.andon.core.model.MethodStep;
import dev.andon.core.model.ProbeSpec;
import dev.andon.core.model.Rollbacks;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.spi.StopCondition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One run of one experiment, phase by phase (DESIGN.md, "One run, as data flows"). Used once. */
final class ExperimentRun {

    private static final Duration WAIT_STEP = Duration.ofMillis(50);

    private final ExperimentRunner runner;
    private final Experiment experiment;
    private final RunOptions options;
    private final RunListener listener;
    private final Clock clock;
    private final boolean dryRun;
    private final RecoveryTracker tracker = new RecoveryTracker();
    private final ProbeRunner probes;
    private final Map<String, Selection> selections = new LinkedHashMap<>();

    private DefaultRunContext context;
    private StopWatcher stopWatcher;
    private ActionSteps actions;
    private volatile boolean abortedForDeviation;
    private volatile String monitorStage = "during";
    private String abortReason;
    private String failureReason;
    private String rollbackFailure;
    private boolean recoveryTimedOut;

    ExperimentRun(ExperimentRunner runner, PluginRegistry registry, Clock clock, Experiment experiment, RunOptions options, RunListener listener) {
        this.runner = runner;
        this.experiment = experiment;
        this.options = options;
        this.listener = listener;
        this.clock = clock;
        this.dryRun = options.dryRun() || experiment.safety().dryRun();
        this.probes = new ProbeRunner(registry, clock);
    }

    RunResult execute() {
        Instant started = clock.instant();
        listener.runStarted(experiment, options, started);
        List<StopCondition> conditions = new ArrayList<>();
        String conditionFailure = null;
        try {
            conditions.addAll(runner.stopConditions(experiment, options));
        } catch (dev.andon.core.spi.ProviderException | RuntimeException e) {
            conditionFailure = "stop conditions cannot be set up: " + e.getMessage();
        }
        stopWatcher = new StopWatcher(withConditions(options.stopSignal(), conditions), ExperimentRunner.STOP_POLL_INTERVAL,
                () -> listener.note("stop requested: " + stopWatcher.stop().map(StopSignal.Stop::reason).orElse(""), clock.instant()));
        context = new DefaultRunContext(options.runId(), experiment.name(), clock, dryRun, runner.settingsResolver(experiment, options),
                listener, () -> stopWatcher.stop().isPresent());
        actions = new ActionSteps(runner.registry(), clock, context, listener, tracker, runner.undoExecutor(), dryRun, this::methodMustStop);
        try {
            if (conditionFailure != null) {
                abortReason = conditionFailure;
            } else if (guards() && hypothesisBefore() && select()) {
                inject();
            }
        } catch (RuntimeException e) {
            failureReason = "Andon failed: " + e;
        } finally {
            rollback();
            stopWatcher.close();
            conditions.forEach(StopCondition::close);
            context.close();
        }
        RunResult result = result(started);
        listener.phaseStarted(Phase.DONE, result.ended());
        listener.runFinished(result);
        return result;
    }

    /** The run's stop signal with the plugins' stop conditions: any of them stops the run (outcome aborted). */
    private static StopSignal withConditions(StopSignal signal, List<StopCondition> conditions) {
        if (conditions.isEmpty()) {
            return signal;
        }
        List<StopSignal> all = new ArrayList<>(List.of(signal));
        for (StopCondition c : conditions) {
            all.add(() -> c.reasonToStop().map(reason -> new StopSignal.Stop(reason, false)));
        }
        return StopSignal.anyOf(all);
    }

    private boolean guards() {
        listener.phaseStarted(Phase.GUARDS, clock.instant());
        for (RunGuard guard : runner.guards()) {
            Optional<String> refusal = guard.refuse(experiment, options);
            if (refusal.isPresent()) {
                abortReason = refusal.get();
                return false;
            }
        }
        return stopWatcher.checkNow().isEmpty();
    }

    private boolean hypothesisBefore() {
        listener.phaseStarted(Phase.HYPOTHESIS_BEFORE, clock.instant());
        Optional<String> failure = roundOf(experiment.hypothesis().probes(), "before");
        if (failure.isPresent()) {
            abortReason = "hypothesis not met before injecting: " + failure.get();
            return false;
        }
        Optional<String> notRecovered = roundOf(experiment.recovery().probes(), "before");
        if (notRecovered.isPresent()) {
            abortReason = "the system is not at full strength before injecting: " + notRecovered.get();
            return false;
        }
        return stopWatcher.stop().isEmpty();
    }

    private boolean select() {
        listener.phaseStarted(Phase.SELECT, clock.instant());
        try {
            for (Selection s : runner.selectAll(experiment, options.seed(), context)) {
                selections.put(s.targetSet(), s);
                listener.targetsSelected(s);
                if (s.refusal().isPresent()) {
                    abortReason = s.refusal().get();
                    return false;
                }
            }
        } catch (dev.andon.core.spi.ProviderException e) {
            failureReason = "could not list targets: " + e.getMessage();
            return false;
        }
        for (MethodStep step : experiment.method()) {
            if (step instanceof MethodStep.ActionStep a && a.target().isPresent()) {
                Selection s = selections.get(a.target().get());
                if (s != null && s.selected().isEmpty()) {
                    abortReason = "no eligible target in '" + s.targetSet() + "': " + s.candidates().size() + " candidates, "
                            + s.eligibleCount() + " eligible";
                    return false;
                }
            }
        }
        return stopWatcher.stop().isEmpty();
    }

    private void inject() {
        listener.phaseStarted(Phase.INJECT, clock.instant());
        Hypothesis h = experiment.hypothesis();
        boolean continuous = h.strategy() == Hypothesis.Strategy.CONTINUOUS && !dryRun && hasRoundProbes();
        try (HypothesisMonitor monitor = continuous ? new HypothesisMonitor(h.interval(), this::monitorRound) : null) {
            for (MethodStep step : experiment.method()) {
                if (methodMustStop()) {
                    listener.note("method stopped before: " + step.describe(), clock.instant());
                    break;
                }
                runStep(step);
                if (failureReason == null) {
                    failureReason = actions.firstFailure().orElse(null);
                }
                if (failureReason != null) {
                    break;
                }
            }
            monitorStage = "recovery";
            if (!dryRun && tracker.hasInjected() && !methodMustStop() && failureReason == null) {
                recover(continuous);
            }
        }
        if (!dryRun && tracker.hasInjected() && !methodMustStop() && failureReason == null) {
            listener.phaseStarted(Phase.HYPOTHESIS_AFTER, clock.instant());
            roundOf(experiment.hypothesis().probes(), "after").ifPresent(f -> tracker.round(clock.instant(), Optional.of(f), Optional.empty()));
        }
    }

    private void runStep(MethodStep step) {
        if (step instanceof MethodStep.ActionStep a) {
            actions.run(a, "method", targetsOf(a));
        } else if (step instanceof MethodStep.Pause p) {
            listener.note(p.describe(), clock.instant());
            if (!dryRun) {
                waitFor(p.duration(), () -> false);
            }
        } else if (step instanceof MethodStep.ProbeStep p) {
            listener.probeSampled(probes.sample(p.probe(), "method", context));
        }
    }

    private Optional<List<dev.andon.core.spi.Target>> targetsOf(MethodStep.ActionStep step) {
        return step.target().map(name -> selections.get(name).selected());
    }

    private void recover(boolean continuous) {
        listener.phaseStarted(Phase.RECOVERY, clock.instant());
        Duration timeout = experiment.recovery().timeout();
        if (continuous) {
            // A round of its own first: the monitor may not have sampled since the last action.
            monitorRound();
            waitFor(timeout, () -> !tracker.currentlyBroken());
        } else if (hasRoundProbes()) {
            Instant deadline = clock.instant().plus(timeout);
            monitorRound();
            while (tracker.currentlyBroken() && clock.instant().isBefore(deadline) && !methodMustStop()) {
                waitFor(experiment.hypothesis().interval(), () -> false);
                monitorRound();
            }
        }
        recoveryTimedOut = tracker.currentlyBroken() && !methodMustStop();
    }

    /** Waits up to {@code d}, returning early when the run must stop or {@code done} says so. */
    private void waitFor(Duration d, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + d.toNanos();
        while (!methodMustStop() && !done.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(WAIT_STEP.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean methodMustStop() {
        return stopWatcher.stop().isPresent() || abortedForDeviation;
    }

    private boolean hasRoundProbes() {
        return !experiment.hypothesis().probes().isEmpty() || !experiment.recovery().probes().isEmpty();
    }

    /** One round of hypothesis and recovery probes, fed to the recovery tracker. */
    private synchronized void monitorRound() {
        String stage = monitorStage;
        Optional<String> hypothesisFailure = roundOf(experiment.hypothesis().probes(), stage);
        Optional<String> recoveryFailure = roundOf(experiment.recovery().probes(), stage);
        Instant at = clock.instant();
        boolean wasDeviated = tracker.hypothesisDeviated();
        tracker.round(at, hypothesisFailure, recoveryFailure).ifPresent(holds ->
                listener.hypothesisChanged(holds, at, holds ? "holds again" : hypothesisFailure.or(() -> recoveryFailure).orElse("")));
        if (!wasDeviated && tracker.hypothesisDeviated() && experiment.safety().abortOnDeviation() && !abortedForDeviation) {
            abortedForDeviation = true;
            listener.note("hypothesis deviated, aborting the method (safety.abortOnDeviation): " + tracker.deviationReason(), at);
        }
    }

    /** Samples each probe once; returns the first failure as "name: reason". */
    private Optional<String> roundOf(List<ProbeSpec> specs, String stage) {
        Optional<String> first = Optional.empty();
        for (ProbeSpec spec : specs) {
            ProbeSample sample = probes.sample(spec, stage, context);
            listener.probeSampled(sample);
            if (!sample.passed() && first.isEmpty()) {
                first = Optional.of(spec.name() + ": " + String.join("; ", sample.failures()));
            }
        }
        return first;
    }

    private void rollback() {
        listener.phaseStarted(Phase.ROLLBACK, clock.instant());
        try {
            actions.undoAll().ifPresent(f -> rollbackFailure = f);
            Rollbacks rollbacks = experiment.rollbacks();
            boolean wanted = switch (rollbacks.when()) {
                case ALWAYS -> true;
                case ON_DEVIATION -> tracker.hypothesisDeviated() || recoveryTimedOut || failureReason != null
                        || stopWatcher.stop().isPresent();
                case NEVER -> false;
            };
            if (!rollbacks.steps().isEmpty() && !wanted) {
                listener.note("declared rollbacks not run (rollbacks.when: " + rollbacks.when().spelling() + ")", clock.instant());
            }
            if (wanted && (tracker.hasInjected() || dryRun || !actionsAttempted().isEmpty())) {
                for (MethodStep.ActionStep step : rollbacks.steps()) {
                    actions.run(step, "rollback", targetsOf(step));
                }
                actions.firstRollbackFailure().ifPresent(f -> rollbackFailure = rollbackFailure == null ? f : rollbackFailure);
            }
        } catch (RuntimeException e) {
            rollbackFailure = "rollback failed: " + e;
        }
    }

    private List<ActionRecord> actionsAttempted() {
        return actions.methodRecords();
    }

    private RunResult result(Instant started) {
        Outcome outcome;
        String reason;
        Optional<StopSignal.Stop> stop = stopWatcher.stop();
        if (stop.isPresent()) {
            outcome = stop.get().interrupted() ? Outcome.INTERRUPTED : Outcome.ABORTED;
            reason = stop.get().reason();
        } else if (abortReason != null) {
            outcome = Outcome.ABORTED;
            reason = abortReason;
        } else if (failureReason != null) {
            outcome = Outcome.FAILED;
            reason = failureReason;
        } else if (tracker.hypothesisDeviated()) {
            outcome = Outcome.DEVIATED;
            reason = "hypothesis deviated: " + tracker.deviationReason() + (abortedForDeviation ? " (method aborted)" : "");
        } else if (recoveryTimedOut) {
            outcome = Outcome.DEVIATED;
            reason = "did not recover within " + dev.andon.core.model.Durations.format(experiment.recovery().timeout());
        } else {
            outcome = Outcome.HELD;
            reason = dryRun ? "dry run: targets selected, nothing injected" : "hypothesis held";
        }
        if (rollbackFailure != null) {
            reason = rollbackFailure + " — the fault may still be in place (" + outcome.spelling() + ": " + reason + ")";
            outcome = Outcome.FAILED;
        }
        boolean deviated = tracker.hypothesisDeviated() || recoveryTimedOut;
        return new RunResult(options.runId(), experiment.name(), outcome, experiment.redact(reason), deviated,
                tracker.timeToRecovery(), recoveryTimedOut, options.seed(), dryRun, new ArrayList<>(selections.values()),
                started, clock.instant());
    }
}
