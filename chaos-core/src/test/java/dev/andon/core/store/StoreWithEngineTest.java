package dev.andon.core.store;

import static dev.andon.core.testing.Experiments.experiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.andon.core.engine.ExperimentRunner;
import dev.andon.core.engine.Outcome;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.model.Experiment;
import dev.andon.core.model.SelectionMode;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.spi.Target;
import dev.andon.core.store.jdbc.JdbcAndonStore;
import dev.andon.core.testing.InMemoryPlugin;
import dev.andon.core.testing.InMemorySystem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the store with the real engine")
class StoreWithEngineTest {

    @TempDir
    Path dataDir;

    private final InMemorySystem system = new InMemorySystem(3, Duration.ofMillis(300));
    private final ExperimentRunner runner = new ExperimentRunner(PluginRegistry.of(new InMemoryPlugin(system)), Clock.systemUTC());
    private StoreSession session;
    private AndonStore operator;

    @BeforeEach
    void open() {
        session = StoreSession.open(StoreConfig.h2(dataDir), NodeIdentity.current(), Clock.systemUTC());
        // A second pool on the same file, standing for `andon halt` in another terminal.
        operator = JdbcAndonStore.open(StoreConfig.h2(dataDir));
    }

    @AfterEach
    void close() {
        operator.close();
        session.close();
        system.close();
    }

    private static Experiment freezeOneFor30s() {
        return experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(1)
                .act("mem.freeze", "nodes").pause(Duration.ofSeconds(30)).build();
    }

    private RunResult run(Experiment e, String runId, ExperimentRunner withGuards) {
        RunOptions options = new RunOptions(runId, 5L, false, Map.of(), session.cord(), "cli");
        return withGuards.run(e, options, session.recorder(Optional.empty()));
    }

    @Test
    @DisplayName("pulling the cord aborts a run mid-method, undoes its fault and records the halt as the reason")
    void cordAbortsARunningExperiment() {
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> run(freezeOneFor30s(), "r-cord", runner));
        await().atMost(Duration.ofSeconds(20)).until(() -> !session.store().undos().pending("r-cord").isEmpty() && system.upCount() == 2);

        operator.halts().halt("alice", "payments incident", Instant.now());
        RunResult result = running.join();

        assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(result.reason()).startsWith("halted by alice at ").endsWith(": payments incident");
        assertThat(system.upCount()).as("the frozen node was thawed").isEqualTo(3);
        RunRecord row = session.store().runs().find("r-cord").orElseThrow();
        assertThat(row.status()).isEqualTo(RunStatus.ABORTED);
        assertThat(row.reason()).isEqualTo(result.reason());
        assertThat(row.selectedTargets()).hasSize(1);
        assertThat(session.store().undos().pending("r-cord")).isEmpty();
    }

    @Test
    @DisplayName("while halted a new run touches nothing and is recorded as skipped with the halt; after resume it runs")
    void haltBlocksNewRuns() {
        ExperimentRunner guarded = runner.withGuards(List.of(session.haltGuard()));
        operator.halts().halt("alice", "payments incident", Instant.now());

        RunResult refused = run(experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(1).act("mem.freeze", "nodes").build(),
                "r-refused", guarded);

        assertThat(refused.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(system.upCount()).isEqualTo(3);
        RunRecord row = session.store().runs().find("r-refused").orElseThrow();
        assertThat(row.status()).isEqualTo(RunStatus.SKIPPED);
        assertThat(row.reason()).contains("halted by alice").contains("payments incident");

        operator.halts().resume("bob", "incident closed", Instant.now());
        await().atMost(Duration.ofSeconds(2)).until(() -> session.cord().poll().isEmpty());
        RunResult after = run(experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(1).act("mem.freeze", "nodes").build(),
                "r-after", guarded);
        assertThat(after.outcome()).isEqualTo(Outcome.HELD);
    }

    @Test
    @DisplayName("recovery executes a dead run's undo through the engine's undo")
    void recoveryThroughTheEngine() throws Exception {
        system.freeze("node-1");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        NodeIdentity self = session.self();
        NodeIdentity deadOwner = new NodeIdentity(self.node(), self.host(), gone.pid(), Optional.empty());
        Target node = new Target("mem.node", "node-1", "node-1", "node-1", Map.of(), Map.of());
        session.store().runs().started(new RunStart("r-dead", "freeze", "cli", deadOwner, Instant.now(), 1L, false, Optional.empty()));
        session.store().undos().planned("r-dead", "undo-1", new Compensation("mem.thaw", Optional.of(node), Map.of(), "thaw node-1"),
                Instant.now());

        List<RecoveredRun> recovered = session.recoverInterruptedRuns(
                (runId, undo, settings) -> runner.undo(undo, runId, settings, new RunListener() { }));

        assertThat(recovered).singleElement().satisfies(r -> assertThat(r.allUndone()).isTrue());
        assertThat(system.isUp("node-1")).isTrue();
    }
}
