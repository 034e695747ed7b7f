package dev.andon.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.andon.core.engine.ActionRecord;
import dev.andon.core.engine.Outcome;
import dev.andon.core.engine.Phase;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.engine.Selection;
import dev.andon.core.spi.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("recording runs as they happen")
class StoreRunListenerTest {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    Path dataDir;

    private StoreSession session;
    private final MutableClock clock = new MutableClock(T0);

    @BeforeEach
    void open() {
        session = StoreSession.open(StoreConfig.h2(dataDir), NodeIdentity.current(), clock);
    }

    @AfterEach
    void close() {
        session.close();
    }

    private static RunOptions options(String runId) {
        return new RunOptions(runId, 99L, false, Map.of(), null, "schedule:weekdays");
    }

    private static RunResult result(String runId, Outcome outcome, String reason, List<Selection> selections) {
        return new RunResult(runId, "kill-one", outcome, reason, outcome == Outcome.DEVIATED,
                Optional.of(Duration.ofMillis(850)), false, 99L, false, selections, T0, T0.plusSeconds(20));
    }

    @Test
    @DisplayName("a run is running with its undo pending until it ends, then complete with targets and recovery time")
    void recordsTheWholeRun() {
        RunListener recorder = session.recorder(Optional.of(Path.of("/var/andon/journal.json")));
        Target pod = new Target("local.process", "4711", "replica", "replicas", Map.of(), Map.of());
        Selection selection = new Selection("replicas", "local.process", "count(1)", List.of(), List.of(pod), 1, Optional.empty());

        recorder.runStarted(TestExperiments.named("kill-one"), options("r1"), T0);
        recorder.phaseStarted(Phase.GUARDS, T0);
        recorder.phaseStarted(Phase.SELECT, T0);
        recorder.targetsSelected(selection);
        recorder.phaseStarted(Phase.INJECT, T0);
        recorder.undoPlanned("u1", SignalUndo.resume(4711), T0);

        RunRecord midway = session.store().runs().find("r1").orElseThrow();
        assertThat(midway.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(midway.selectedTargets()).containsExactly("replicas/4711");
        assertThat(midway.journalPath()).contains("/var/andon/journal.json");
        assertThat(midway.trigger()).isEqualTo("schedule:weekdays");
        assertThat(session.store().undos().pending("r1")).hasSize(1);

        recorder.undoFinished("u1", new ActionRecord("undo", "test.signal", Optional.of(pod), T0, T0, ActionRecord.Status.DONE,
                "resumed", Map.of(), Optional.empty()));
        recorder.runFinished(result("r1", Outcome.DEVIATED, "storefront broke", List.of(selection)));

        RunRecord done = session.store().runs().find("r1").orElseThrow();
        assertThat(done.status()).isEqualTo(RunStatus.DEVIATED);
        assertThat(done.timeToRecovery()).contains(Duration.ofMillis(850));
        assertThat(done.selectedTargets()).containsExactly("replicas/4711");
        assertThat(session.store().undos().pending("r1")).isEmpty();
    }

    @Test
    @DisplayName("a run aborted at the guards is recorded as skipped with the guard's reason")
    void guardRefusalIsASkip() {
        RunListener recorder = session.recorder(Optional.empty());
        recorder.runStarted(TestExperiments.named("kill-one"), options("r2"), T0);
        recorder.phaseStarted(Phase.GUARDS, T0);
        recorder.runFinished(result("r2", Outcome.ABORTED, "halted by alice at 2026-11-26T09:00:00Z: incident", List.of()));

        RunRecord r = session.store().runs().find("r2").orElseThrow();
        assertThat(r.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(r.reason()).isEqualTo("halted by alice at 2026-11-26T09:00:00Z: incident");
    }

    @Test
    @DisplayName("a run aborted after injection stays aborted")
    void abortAfterInjectionIsAnAbort() {
        RunListener recorder = session.recorder(Optional.empty());
        recorder.runStarted(TestExperiments.named("kill-one"), options("r3"), T0);
        recorder.phaseStarted(Phase.GUARDS, T0);
        recorder.phaseStarted(Phase.INJECT, T0);
        recorder.runFinished(result("r3", Outcome.ABORTED, "halted by alice", List.of()));

        assertThat(session.store().runs().find("r3").orElseThrow().status()).isEqualTo(RunStatus.ABORTED);
    }

    @Test
    @DisplayName("one recorder records one run")
    void oneRunPerRecorder() {
        RunListener recorder = session.recorder(Optional.empty());
        recorder.runStarted(TestExperiments.named("kill-one"), options("r4"), T0);

        assertThatThrownBy(() -> recorder.runStarted(TestExperiments.named("kill-one"), options("r5"), T0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("r4");
    }
}
