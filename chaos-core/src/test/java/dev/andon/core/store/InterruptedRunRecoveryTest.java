package dev.andon.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.engine.ActionRecord;
import dev.andon.core.spi.Compensation;
import dev.andon.core.store.jdbc.JdbcAndonStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("recovering interrupted runs")
class InterruptedRunRecoveryTest {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    static final NodeIdentity SELF = new NodeIdentity("node-b", "host-b", 500, Optional.empty());
    static final NodeIdentity REMOTE = new NodeIdentity("node-a", "host-a", 4242, Optional.empty());

    @TempDir
    Path dataDir;

    private AndonStore store;
    private final MutableClock clock = new MutableClock(T0);
    private final List<Compensation> executed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        store = JdbcAndonStore.open(StoreConfig.h2(dataDir));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ActionRecord execute(String runId, Compensation c, Map<String, Map<String, Object>> settings) {
        executed.add(c);
        return new ActionRecord("undo", c.action(), c.target(), clock.instant(), clock.instant(), ActionRecord.Status.DONE,
                c.description(), Map.of(), Optional.empty());
    }

    private InterruptedRunRecovery recovery(ProcessLiveness liveness) {
        return new InterruptedRunRecovery(store, this::execute, liveness, SELF, clock, Duration.ofSeconds(30));
    }

    private void runningWithUndos(String runId, NodeIdentity owner, String... undoIds) {
        store.runs().started(new RunStart(runId, "kill-one", "cli", owner, T0, 1L, false, Optional.empty()));
        for (String id : undoIds) {
            store.undos().planned(runId, id, new Compensation("test.undo", Optional.empty(), Map.of("id", id), "undo " + id), T0);
        }
    }

    @Test
    @DisplayName("a run on another host is left alone while its heartbeat is fresh and recovered once it is stale")
    void staleHeartbeatMeansOrphaned() {
        runningWithUndos("r1", REMOTE, "u1");
        clock.advance(Duration.ofSeconds(25));
        store.runs().heartbeat(List.of("r1"), clock.instant());
        clock.advance(Duration.ofSeconds(29));

        assertThat(recovery(ProcessLiveness.onHost("host-b")).recover()).isEmpty();
        assertThat(store.runs().find("r1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

        clock.advance(Duration.ofSeconds(2));
        List<RecoveredRun> recovered = recovery(ProcessLiveness.onHost("host-b")).recover();

        assertThat(recovered).singleElement().satisfies(r -> assertThat(r.reason()).contains("no heartbeat from node node-a"));
        assertThat(store.runs().find("r1").orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(executed).extracting(Compensation::description).containsExactly("undo u1");
    }

    @Test
    @DisplayName("undos are executed with the interrupted run's id and plugin settings")
    void undosGetTheRunsSettings() {
        Map<String, Map<String, Object>> settings = Map.of("aws", Map.of("region", "eu-west-1"));
        store.runs().started(new RunStart("r1", "kill-one", "cli", REMOTE, T0, 1L, false, Optional.empty(), settings));
        store.undos().planned("r1", "u1", new Compensation("test.undo", Optional.empty(), Map.of(), "undo u1"), T0);
        clock.advance(Duration.ofMinutes(5));
        List<String> seen = new ArrayList<>();

        new InterruptedRunRecovery(store, (runId, c, s) -> {
            seen.add(runId + " " + s);
            return execute(runId, c, s);
        }, ProcessLiveness.onHost("host-b"), SELF, clock, Duration.ofSeconds(30)).recover();

        assertThat(seen).containsExactly("r1 {aws={region=eu-west-1}}");
    }

    @Test
    @DisplayName("a run on this host is recovered as soon as its PID is gone, whatever its heartbeat")
    void deadLocalPidMeansOrphaned() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        NodeIdentity deadOwner = new NodeIdentity("node-b", "host-b", gone.pid(), Optional.empty());
        runningWithUndos("r1", deadOwner, "u1");

        List<RecoveredRun> recovered = new InterruptedRunRecovery(store, this::execute, ProcessLiveness.onHost("host-b"),
                SELF, clock, Duration.ofSeconds(30)).recover();

        assertThat(recovered).singleElement().satisfies(r -> assertThat(r.reason()).contains("process " + gone.pid()).contains("died"));
    }

    @Test
    @DisplayName("a run on this host whose process lives is left alone even with an old heartbeat")
    void liveLocalPidIsTrusted() {
        NodeIdentity liveOwner = NodeIdentity.current("node-x", "host-b");
        runningWithUndos("r1", liveOwner, "u1");
        clock.advance(Duration.ofHours(1));

        assertThat(recovery(ProcessLiveness.onHost("host-b")).recover()).isEmpty();
        assertThat(executed).isEmpty();
    }

    @Test
    @DisplayName("a reused PID (same number, other start time) does not pass for the owner")
    void reusedPidIsNotTheOwner() {
        NodeIdentity self = NodeIdentity.current("node-x", "host-b");
        NodeIdentity formerOwner = new NodeIdentity("node-x", "host-b", self.pid(), Optional.of(Instant.parse("2020-01-01T00:00:00Z")));

        assertThat(ProcessLiveness.onHost("host-b").mayBeAlive(formerOwner)).isFalse();
        assertThat(ProcessLiveness.onHost("host-b").mayBeAlive(self)).isTrue();
    }

    @Test
    @DisplayName("pending undos run newest first, and a failing undo does not stop the others")
    void undosRunInReverseAndSurviveFailures() {
        runningWithUndos("r1", REMOTE, "u1", "u2", "u3");
        store.undos().done("r1", "u2", "done", "already undone by the run", T0);
        clock.advance(Duration.ofMinutes(5));
        List<String> order = new ArrayList<>();
        CompensationExecutor flaky = (runId, c, settings) -> {
            order.add(c.description());
            if (c.description().equals("undo u3")) {
                throw new IllegalStateException("platform unreachable");
            }
            return execute(runId, c, settings);
        };

        List<RecoveredRun> recovered = new InterruptedRunRecovery(store, flaky, ProcessLiveness.onHost("host-b"), SELF, clock,
                Duration.ofSeconds(30)).recover();

        assertThat(order).containsExactly("undo u3", "undo u1");
        assertThat(recovered).singleElement().satisfies(r -> {
            assertThat(r.allUndone()).isFalse();
            assertThat(r.undos()).extracting(ActionRecord::status).containsExactly(ActionRecord.Status.FAILED, ActionRecord.Status.DONE);
            assertThat(r.reason()).contains("1 of 2 pending undos executed, 1 failed");
        });
        assertThat(store.undos().pending("r1")).isEmpty();
    }

    @Test
    @DisplayName("two nodes recovering at once execute each undo exactly once")
    void concurrentRecoveryUndoesOnce() throws Exception {
        for (int i = 0; i < 10; i++) {
            runningWithUndos("r" + i, REMOTE, "u1");
        }
        clock.advance(Duration.ofMinutes(5));
        AndonStore second = JdbcAndonStore.open(StoreConfig.h2(dataDir));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<List<RecoveredRun>>> results = new ArrayList<>();
            for (AndonStore s : List.of(store, second)) {
                InterruptedRunRecovery r = new InterruptedRunRecovery(s, this::execute, ProcessLiveness.onHost("host-b"), SELF,
                        clock, Duration.ofSeconds(30));
                results.add(pool.submit(() -> {
                    go.await();
                    return r.recover();
                }));
            }
            go.countDown();
            int total = results.get(0).get().size() + results.get(1).get().size();

            assertThat(total).isEqualTo(10);
            assertThat(executed).hasSize(10);
        } finally {
            pool.shutdownNow();
            second.close();
        }
    }
}
