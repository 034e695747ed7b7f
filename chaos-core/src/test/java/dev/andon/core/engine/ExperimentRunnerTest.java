package dev.andon.core.engine;

import static dev.andon.core.testing.Experiments.experiment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.model.Hypothesis;
import dev.andon.core.model.Rollbacks;
import dev.andon.core.model.Safety;
import dev.andon.core.model.SelectionMode;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.testing.InMemoryPlugin;
import dev.andon.core.testing.InMemorySystem;
import dev.andon.core.testing.RecordingListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExperimentRunnerTest {

    private final InMemorySystem system = new InMemorySystem(3, Duration.ofMillis(300));
    private final ExperimentRunner runner = new ExperimentRunner(PluginRegistry.of(new InMemoryPlugin(system)), Clock.systemUTC());
    private final RecordingListener events = new RecordingListener();

    @AfterEach
    void closeSystem() {
        system.close();
    }

    private RunResult run(dev.andon.core.model.Experiment e, RunOptions options) {
        return runner.run(e, options, events);
    }

    private static RunOptions seed(long seed) {
        return new RunOptions("run-1", seed, false, Map.of(), StopSignal.NEVER, "test");
    }

    @Test
    @DisplayName("a crash the system heals from holds, and time to recovery spans injection to full strength")
    void heldWithTimeToRecovery() {
        var e = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(2).recoveredWhenUp(3)
                .act("mem.crash", "nodes").pause(Duration.ofMillis(100)).build();

        RunResult r = run(e, seed(1));

        assertThat(r.outcome()).isEqualTo(Outcome.HELD);
        assertThat(r.deviated()).isFalse();
        assertThat(r.timeToRecovery()).isPresent();
        assertThat(r.timeToRecovery().get()).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(5));
        assertThat(events.events).containsSubsequence("phase guards", "phase hypothesis-before", "phase select", "phase inject",
                "phase recovery", "phase hypothesis-after", "phase rollback", "finished held");
        assertThat(events.events).anyMatch(s -> s.startsWith("broke: all-3-up"));
        assertThat(events.events).contains("recovered");
        assertThat(system.upCount()).isEqualTo(3);
    }

    @Test
    @DisplayName("time to recovery is absent when nothing ever broke")
    void noBreakNoRecoveryTime() {
        var e = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(1)
                .act("mem.crash", "nodes").pause(Duration.ofMillis(50)).build();

        RunResult r = run(e, seed(1));

        assertThat(r.outcome()).isEqualTo(Outcome.HELD);
        assertThat(r.timeToRecovery()).isEmpty();
    }

    @Test
    @DisplayName("a deviation aborts the method at once when abortOnDeviation is set, and the outcome is deviated")
    void abortOnDeviation() {
        var e = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(3)
                .act("mem.freeze", "nodes").pause(Duration.ofSeconds(30)).act("mem.crash", "nodes").build();

        RunResult r = run(e, seed(1));

        assertThat(r.outcome()).isEqualTo(Outcome.DEVIATED);
        assertThat(r.reason()).contains("at-least-3-up").contains("method aborted");
        assertThat(r.duration()).isLessThan(Duration.ofSeconds(30));
        assertThat(events.actions).filteredOn(a -> a.action().equals("mem.crash")).isEmpty();
        assertThat(events.undos).singleElement().satisfies(u -> assertThat(u.status()).isEqualTo(ActionRecord.Status.DONE));
        assertThat(system.upCount()).isEqualTo(3);
    }

    @Test
    @DisplayName("without abortOnDeviation the method runs to its end and the run is still judged deviated")
    void deviationWithoutAbort() {
        var e = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(3)
                .safety(new Safety(Optional.empty(), Optional.empty(), false, false))
                .act("mem.crash", "nodes").pause(Duration.ofMillis(100)).build();

        RunResult r = run(e, seed(1));

        assertThat(r.outcome()).isEqualTo(Outcome.DEVIATED);
        assertThat(r.deviated()).isTrue();
        assertThat(r.timeToRecovery()).isPresent();
    }

    @Test
    @DisplayName("the undo is announced before its fault is injected and runs at rollback")
    void undoIsWrittenAheadAndRun() {
        var e = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(2)
                .act("mem.freeze", "nodes").pause(Duration.ofMillis(50)).build();

        RunResult r = run(e, seed(3));

        String frozen = r.selections().get(0).selected().get(0).id();
        assertThat(events.events).containsSubsequence("undo-planned undo-1 thaw " + frozen, "method mem.freeze " + frozen + " done",
                "phase rollback", "undo-finished undo-1 done");
        assertThat(system.isFrozen(frozen)).isFalse();
        assertThat(r.outcome()).isEqualTo(Outcome.HELD);
    }

    @Test
    @DisplayName("revertAfter runs the undo during the method, and the rollback does not run it twice")
    void timedRevert() {
        var e = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(2)
                .actRevertingAfter("mem.freeze", "nodes", Duration.ofMillis(100)).pause(Duration.ofMillis(600)).build();

        RunResult r = run(e, seed(3));

        assertThat(indexOf("method mem.freeze")).isLessThan(indexOf("undo-finished undo-1 done"));
        assertThat(indexOf("undo-finished undo-1 done")).isLessThan(indexOf("phase recovery"));
        assertThat(events.undos).hasSize(1);
        assertThat(r.outcome()).isEqualTo(Outcome.HELD);
    }

    @Test
    @DisplayName("a hypothesis that does not hold before injecting aborts the run and touches nothing")
    void hypothesisBeforeNotMet() {
        system.freeze("node-1");
        var e = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(3).act("mem.crash", "nodes").build();

        RunResult r = run(e, seed(1));

        assertThat(r.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(r.reason()).startsWith("hypothesis not met before injecting: at-least-3-up");
        assertThat(events.actions).isEmpty();
        assertThat(events.phases).doesNotContain(Phase.SELECT, Phase.INJECT);
    }

    @Test
    @DisplayName("a failing action fails the run, and earlier faults are still undone")
    void failedActionStillRollsBack() {
        var e = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(2)
                .act("mem.freeze", "nodes").act("mem.fail", "nodes").pause(Duration.ofSeconds(30)).build();

        RunResult r = run(e, seed(1));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.reason()).contains("mem.fail").contains("the platform said no");
        assertThat(r.duration()).isLessThan(Duration.ofSeconds(30));
        assertThat(system.upCount()).isEqualTo(3);
    }

    @Test
    @DisplayName("a target that vanished before the action is recorded as gone, its undo dropped, and the run goes on")
    void targetGone() {
        var e = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(2).act("mem.gone", "nodes").build();

        RunResult r = run(e, seed(1));

        assertThat(events.actions).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(ActionRecord.Status.TARGET_GONE));
        assertThat(events.undos).singleElement().satisfies(u -> assertThat(u.status()).isEqualTo(ActionRecord.Status.SKIPPED));
        assertThat(r.outcome()).isEqualTo(Outcome.HELD);
    }

    @Test
    @DisplayName("the cord aborts a run in a pause within a poll interval, and its faults are undone")
    void cordAborts() {
        AtomicBoolean pulled = new AtomicBoolean();
        StopSignal cord = () -> pulled.get() ? Optional.of(new StopSignal.Stop("halted by test: drill", false)) : Optional.empty();
        var e = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(2).act("mem.freeze", "nodes").pause(Duration.ofSeconds(30)).build();
        Thread puller = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            pulled.set(true);
        });
        puller.start();

        RunResult r = run(e, seed(1).withStopSignal(cord));

        assertThat(r.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(r.reason()).isEqualTo("halted by test: drill");
        assertThat(r.duration()).isLessThan(Duration.ofSeconds(30));
        assertThat(system.upCount()).isEqualTo(3);
    }

    @Test
    @DisplayName("a pulled cord before the run starts means nothing is touched")
    void cordBeforeStart() {
        StopSignal cord = () -> Optional.of(new StopSignal.Stop("halted", false));
        var e = experiment().nodes("nodes", SelectionMode.ONE).act("mem.crash", "nodes").build();

        RunResult r = run(e, seed(1).withStopSignal(cord));

        assertThat(r.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(events.actions).isEmpty();
    }

    @Test
    @DisplayName("a signal ends the run as interrupted, after its rollbacks")
    void interrupted() {
        AtomicBoolean signalled = new AtomicBoolean();
        var e = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(2).act("mem.freeze", "nodes").pause(Duration.ofSeconds(30)).build();
        new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            signalled.set(true);
        }).start();

        RunResult r = run(e, seed(1).withStopSignal(() -> signalled.get()
                ? Optional.of(new StopSignal.Stop("interrupted by SIGINT", true)) : Optional.empty()));

        assertThat(r.outcome()).isEqualTo(Outcome.INTERRUPTED);
        assertThat(r.outcome().exitCode()).isEqualTo(130);
        assertThat(system.upCount()).isEqualTo(3);
    }

    @Test
    @DisplayName("a pick larger than maxTargets refuses the whole run instead of hitting fewer targets")
    void blastRadiusRefuses() {
        var e = experiment().nodes("nodes", SelectionMode.ALL)
                .safety(new Safety(Optional.of(2), Optional.empty(), false, true)).act("mem.crash", "nodes").build();

        RunResult r = run(e, seed(1));

        assertThat(r.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(r.reason()).contains("would hit 3 targets, but safety.maxTargets is 2");
        assertThat(events.actions).isEmpty();
        assertThat(system.upCount()).isEqualTo(3);
    }

    @Test
    @DisplayName("a dry run selects and rehearses, and injects nothing")
    void dryRun() {
        var e = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(3).act("mem.freeze", "nodes").pause(Duration.ofSeconds(30)).build();

        RunResult r = run(e, seed(1).withDryRun(true));

        assertThat(r.outcome()).isEqualTo(Outcome.HELD);
        assertThat(r.dryRun()).isTrue();
        assertThat(r.duration()).isLessThan(Duration.ofSeconds(30));
        assertThat(events.actions).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(ActionRecord.Status.REHEARSED));
        assertThat(events.plannedUndos).isEmpty();
        assertThat(system.upCount()).isEqualTo(3);
    }

    @Test
    @DisplayName("rollbacks.when never skips declared rollbacks but never skips the undo of a fault")
    void rollbackNeverStillUndoes() {
        var e = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(2)
                .act("mem.freeze", "nodes").rollback("mem.crash", "nodes", Rollbacks.When.NEVER).build();

        run(e, seed(1));

        assertThat(events.actions).filteredOn(a -> a.kind().equals("rollback")).isEmpty();
        assertThat(events.notes).contains("declared rollbacks not run (rollbacks.when: never)");
        assertThat(events.undos).hasSize(1);
    }

    @Test
    @DisplayName("rollbacks.when on-deviation runs declared rollbacks only after a deviation")
    void rollbackOnDeviation() {
        var held = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(2)
                .act("mem.freeze", "nodes").rollback("mem.thaw", "nodes", Rollbacks.When.ON_DEVIATION).build();
        run(held, seed(1));
        assertThat(events.actions).filteredOn(a -> a.kind().equals("rollback")).isEmpty();

        var deviating = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(3)
                .act("mem.freeze", "nodes").rollback("mem.thaw", "nodes", Rollbacks.When.ON_DEVIATION).build();
        RecordingListener second = new RecordingListener();
        RunResult r = runner.run(deviating, seed(1), second);
        assertThat(r.outcome()).isEqualTo(Outcome.DEVIATED);
        assertThat(second.actions).filteredOn(a -> a.kind().equals("rollback")).hasSize(1);
    }

    @Test
    @DisplayName("a system that never recovers within the timeout is a deviation with a timeout")
    void recoveryTimeout() {
        var e = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(1).recoveredWhenUp(3)
                .recoveryTimeout(Duration.ofMillis(300)).rollback("mem.thaw", "nodes", Rollbacks.When.ALWAYS)
                .act("mem.freeze", "nodes").build();
        // the undo would thaw during rollback, after recovery has been judged
        RunResult r = run(e, seed(1));

        assertThat(r.outcome()).isEqualTo(Outcome.DEVIATED);
        assertThat(r.recoveryTimedOut()).isTrue();
        assertThat(r.timeToRecovery()).isEmpty();
        assertThat(r.reason()).isEqualTo("did not recover within 300ms");
    }

    @Test
    @DisplayName("a guard's refusal skips the run with its reason")
    void guardRefuses() {
        var e = experiment().nodes("nodes", SelectionMode.ONE).act("mem.crash", "nodes").build();
        RunResult r = runner.withGuards(List.of((exp, o) -> Optional.of("outside the kill window (Mon-Fri 09:00-15:00 Europe/Paris)")))
                .run(e, seed(1), events);

        assertThat(r.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(r.reason()).isEqualTo("outside the kill window (Mon-Fri 09:00-15:00 Europe/Paris)");
        assertThat(events.actions).isEmpty();
    }

    @Test
    @DisplayName("before-after probes after the method and measures recovery without a monitor")
    void beforeAfterStrategy() {
        var e = experiment().strategy(Hypothesis.Strategy.BEFORE_AFTER).nodes("nodes", SelectionMode.ONE).recoveredWhenUp(3)
                .act("mem.crash", "nodes").build();

        RunResult r = run(e, seed(1));

        assertThat(r.outcome()).isEqualTo(Outcome.HELD);
        assertThat(r.timeToRecovery()).isPresent();
        assertThat(events.samples).extracting(ProbeSample::stage).doesNotContain("during");
    }

    @Test
    @DisplayName("the same seed over the same candidates picks the same targets")
    void seedReplays() {
        system.add("node-4", Map.of());
        system.add("node-5", Map.of());
        var e = experiment().nodes("nodes", SelectionMode.parse("count(2)").orElseThrow()).build();

        List<Selection> first = runnerPlan(e, 42);
        List<Selection> again = runnerPlan(e, 42);

        assertThat(again.get(0).selected()).isEqualTo(first.get(0).selected());
        assertThat(first.get(0).selected()).hasSize(2);
    }

    private int indexOf(String prefix) {
        for (int i = 0; i < events.events.size(); i++) {
            if (events.events.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no event starting with '" + prefix + "' in " + events.events);
    }

    private List<Selection> runnerPlan(dev.andon.core.model.Experiment e, long seed) {
        try {
            return runner.plan(e, seed(seed));
        } catch (dev.andon.core.spi.ProviderException ex) {
            throw new AssertionError(ex);
        }
    }
}
