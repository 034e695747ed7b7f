package dev.andon.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.Target;
import dev.andon.core.store.jdbc.JdbcAndonStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every store must do, run against H2 and PostgreSQL by the subclasses. */
abstract class AndonStoreContract {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    static final NodeIdentity NODE_A = new NodeIdentity("node-a", "host-a", 4242, Optional.of(Instant.parse("2026-11-26T09:00:00Z")));
    static final NodeIdentity NODE_B = new NodeIdentity("node-b", "host-b", 77, Optional.empty());

    private final List<AndonStore> opened = new ArrayList<>();
    private StoreConfig config;

    /** A config pointing at a new, empty database. */
    abstract StoreConfig newDatabase();

    AndonStore open() {
        if (config == null) {
            config = newDatabase();
        }
        AndonStore store = JdbcAndonStore.open(config);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(AndonStore::close);
    }

    static RunStart start(String runId, String experiment, NodeIdentity owner, Instant at) {
        return new RunStart(runId, experiment, "schedule:daily", owner, at, 42L, false, Optional.of("/tmp/" + runId + ".json"));
    }

    @Test
    @DisplayName("a run is recorded as running at its start and completed at its end")
    void runLifecycle() {
        AndonStore store = open();
        store.runs().started(start("r1", "kill-one", NODE_A, T0));

        assertThat(store.runs().running()).extracting(RunRecord::runId).containsExactly("r1");
        RunRecord running = store.runs().find("r1").orElseThrow();
        assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(running.owner()).isEqualTo(NODE_A);
        assertThat(running.ended()).isEmpty();
        assertThat(running.heartbeat()).isEqualTo(T0);

        store.runs().targetsSelected("r1", List.of("replicas/4711"));
        assertThat(store.runs().find("r1").orElseThrow().selectedTargets()).containsExactly("replicas/4711");

        store.runs().finished(new RunEnd("r1", RunStatus.DEVIATED, "storefront-answers failed", true,
                Optional.of(Duration.ofMillis(1234)), List.of("replicas/4711"), T0.plusSeconds(30)));

        RunRecord done = store.runs().find("r1").orElseThrow();
        assertThat(done.status()).isEqualTo(RunStatus.DEVIATED);
        assertThat(done.reason()).isEqualTo("storefront-answers failed");
        assertThat(done.deviated()).isTrue();
        assertThat(done.timeToRecovery()).contains(Duration.ofMillis(1234));
        assertThat(done.ended()).contains(T0.plusSeconds(30));
        assertThat(done.seed()).isEqualTo(42L);
        assertThat(done.trigger()).isEqualTo("schedule:daily");
        assertThat(done.journalPath()).contains("/tmp/r1.json");
        assertThat(store.runs().running()).isEmpty();
    }

    @Test
    @DisplayName("a run keeps its plugin settings for crash recovery")
    void pluginSettings() {
        AndonStore store = open();
        Map<String, Map<String, Object>> settings = Map.of("k8s", Map.of("context", "prod-eu", "timeout", 30));
        store.runs().started(new RunStart("r1", "kill-one", "cli", NODE_A, T0, 1L, true, Optional.empty(), settings));

        RunRecord r = store.runs().find("r1").orElseThrow();
        assertThat(r.pluginSettings()).isEqualTo(settings);
        assertThat(r.dryRun()).isTrue();
    }

    @Test
    @DisplayName("a skip is a complete run row with its guard's reason, found by status")
    void skipsKeepTheirReason() {
        AndonStore store = open();
        store.runs().skipped(start("s1", "kill-one", NODE_A, T0), "outside the kill window (Mon-Fri 09:00-15:00 Europe/Berlin)");

        List<RunRecord> skips = store.runs().query(HistoryQuery.all().status(RunStatus.SKIPPED));
        assertThat(skips).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("outside the kill window (Mon-Fri 09:00-15:00 Europe/Berlin)");
            assertThat(r.ended()).contains(T0);
        });
        assertThat(store.runs().running()).isEmpty();
    }

    @Test
    @DisplayName("history filters by experiment, status, start time and node, newest first, up to the limit")
    void historyFilters() {
        AndonStore store = open();
        store.runs().started(start("a1", "kill-one", NODE_A, T0));
        store.runs().finished(new RunEnd("a1", RunStatus.HELD, "held", false, Optional.empty(), List.of(), T0.plusSeconds(5)));
        store.runs().started(start("a2", "kill-one", NODE_B, T0.plusSeconds(3600)));
        store.runs().finished(new RunEnd("a2", RunStatus.ABORTED, "halted by alice", false, Optional.empty(), List.of(), T0.plusSeconds(3605)));
        store.runs().skipped(start("b1", "drain-node", NODE_A, T0.plusSeconds(7200)), "halted by alice");

        assertThat(store.runs().query(HistoryQuery.all())).extracting(RunRecord::runId).containsExactly("b1", "a2", "a1");
        assertThat(store.runs().query(HistoryQuery.all().experiment("kill-one"))).extracting(RunRecord::runId).containsExactly("a2", "a1");
        assertThat(store.runs().query(HistoryQuery.all().status(RunStatus.ABORTED))).extracting(RunRecord::runId).containsExactly("a2");
        assertThat(store.runs().query(HistoryQuery.all().since(T0.plusSeconds(3600)))).extracting(RunRecord::runId).containsExactly("b1", "a2");
        assertThat(store.runs().query(HistoryQuery.all().node("node-a"))).extracting(RunRecord::runId).containsExactly("b1", "a1");
        assertThat(store.runs().query(HistoryQuery.all().experiment("kill-one").node("node-b"))).extracting(RunRecord::runId).containsExactly("a2");
        assertThat(store.runs().query(HistoryQuery.all().limit(1))).extracting(RunRecord::runId).containsExactly("b1");
    }

    @Test
    @DisplayName("only one caller can claim a running run as interrupted")
    void claimIsExclusive() {
        AndonStore store = open();
        store.runs().started(start("r1", "kill-one", NODE_A, T0));

        assertThat(store.runs().claimInterrupted("r1", "owner died", T0.plusSeconds(60))).isTrue();
        assertThat(store.runs().claimInterrupted("r1", "owner died", T0.plusSeconds(61))).isFalse();
        RunRecord r = store.runs().find("r1").orElseThrow();
        assertThat(r.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(r.reason()).isEqualTo("owner died");
    }

    @Test
    @DisplayName("a heartbeat moves the running rows' last sign of life")
    void heartbeat() {
        AndonStore store = open();
        store.runs().started(start("r1", "kill-one", NODE_A, T0));
        store.runs().started(start("r2", "kill-one", NODE_A, T0));

        store.runs().heartbeat(List.of("r1", "r2"), T0.plusSeconds(5));

        assertThat(store.runs().running()).extracting(RunRecord::heartbeat).containsOnly(T0.plusSeconds(5));
    }

    @Test
    @DisplayName("a termination inside the minimum time of its group is refused with when the next is allowed")
    void minimumTimeBetweenKills() {
        TerminationTracker tracker = open().terminations();
        TerminationLimits limits = new TerminationLimits(Duration.ofHours(2), OptionalInt.empty(), T0.minusSeconds(3600));

        assertThat(tracker.recordIfAllowed(new Termination("pod-1", "checkout", "kill-one", "r1", T0), limits).recorded()).isTrue();
        TerminationDecision tooSoon = tracker.recordIfAllowed(new Termination("pod-2", "checkout", "kill-one", "r2", T0.plusSeconds(3600)), limits);
        TerminationDecision otherGroup = tracker.recordIfAllowed(new Termination("pod-9", "cart", "kill-one", "r3", T0.plusSeconds(3600)), limits);
        TerminationDecision later = tracker.recordIfAllowed(new Termination("pod-3", "checkout", "kill-one", "r4", T0.plusSeconds(7200)), limits);

        assertThat(tooSoon.recorded()).isFalse();
        assertThat(tooSoon.refusal()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("minimum time between kills").contains("checkout").contains("2026-11-26T12:00:00Z"));
        assertThat(otherGroup.recorded()).isTrue();
        assertThat(later.recorded()).isTrue();
        assertThat(tracker.since(T0, Optional.of("checkout"))).extracting(Termination::targetId).containsExactly("pod-1", "pod-3");
        assertThat(tracker.last("checkout")).map(Termination::targetId).contains("pod-3");
    }

    @Test
    @DisplayName("the daily maximum counts terminations of the group since the start of the day")
    void maxKillsPerDay() {
        TerminationTracker tracker = open().terminations();
        Instant dayStart = T0.minusSeconds(10 * 3600);
        TerminationLimits limits = new TerminationLimits(Duration.ZERO, OptionalInt.of(2), dayStart);
        tracker.record(new Termination("pod-0", "checkout", "kill-one", "r0", dayStart.minusSeconds(60)));

        assertThat(tracker.recordIfAllowed(new Termination("pod-1", "checkout", "kill-one", "r1", T0), limits).recorded()).isTrue();
        assertThat(tracker.recordIfAllowed(new Termination("pod-2", "checkout", "kill-one", "r2", T0.plusSeconds(1)), limits).recorded()).isTrue();
        TerminationDecision third = tracker.recordIfAllowed(new Termination("pod-3", "checkout", "kill-one", "r3", T0.plusSeconds(2)), limits);

        assertThat(third.recorded()).isFalse();
        assertThat(third.refusal()).hasValueSatisfying(r -> assertThat(r).contains("maximum kills per day (2)"));
    }

    @Test
    @DisplayName("of many connections racing to kill in one group within the minimum time, exactly one wins")
    void concurrentTerminationsInOneGroup() throws Exception {
        AndonStore first = open();
        AndonStore second = open();
        TerminationLimits limits = new TerminationLimits(Duration.ofMinutes(30), OptionalInt.empty(), T0.minusSeconds(3600));
        int racers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<TerminationDecision>> decisions = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                TerminationTracker tracker = (i % 2 == 0 ? first : second).terminations();
                Termination t = new Termination("pod-" + i, "checkout", "kill-one", "r" + i, T0.plusMillis(i));
                Callable<TerminationDecision> race = () -> {
                    go.await();
                    return tracker.recordIfAllowed(t, limits);
                };
                decisions.add(pool.submit(race));
            }
            go.countDown();
            List<TerminationDecision> results = new ArrayList<>();
            for (Future<TerminationDecision> f : decisions) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(TerminationDecision::recorded).hasSize(1);
            assertThat(first.terminations().since(T0.minusSeconds(1), Optional.of("checkout"))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("halt and resume round-trip, each recorded with who and why")
    void haltAndResume() {
        HaltRegistry halts = open().halts();
        assertThat(halts.currentHalt()).isEmpty();
        assertThat(halts.resume("bob", "nothing to resume", T0)).isEmpty();

        CordEvent halt = halts.halt("alice", "payments incident", T0);
        assertThat(halts.currentHalt()).contains(halt);
        assertThat(halts.resume("bob", "incident closed", T0.plusSeconds(600))).isPresent();
        assertThat(halts.currentHalt()).isEmpty();

        assertThat(halts.history(10)).extracting(CordEvent::kind, CordEvent::who, CordEvent::why).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CordEvent.Kind.RESUME, "bob", "incident closed"),
                org.assertj.core.groups.Tuple.tuple(CordEvent.Kind.HALT, "alice", "payments incident"));
    }

    @Test
    @DisplayName("a halt survives closing and reopening the store")
    void haltIsDurable() {
        AndonStore store = open();
        store.halts().halt("alice", "payments incident", T0);
        store.close();

        AndonStore reopened = open();
        assertThat(reopened.halts().currentHalt()).hasValueSatisfying(h -> {
            assertThat(h.who()).isEqualTo("alice");
            assertThat(h.why()).isEqualTo("payments incident");
            assertThat(h.at()).isEqualTo(T0);
        });
    }

    @Test
    @DisplayName("a planned undo keeps its compensation, target and parameters until it is done")
    void undoLog() {
        AndonStore store = open();
        Target target = new Target("local.process", "4711", "sleep 300", "sleepers", Map.of("team", "core"), Map.of("user", "root"));
        Compensation resume = new Compensation("process.signal", Optional.of(target),
                Map.of("signal", "CONT", "retries", 3, "nested", Map.of("a", List.of(1, 2))), "resume 4711 with CONT");
        Compensation second = new Compensation("network.heal", Optional.empty(), Map.of(), "heal");
        store.undos().planned("r1", "u1", resume, T0);
        store.undos().planned("r1", "u2", second, T0.plusSeconds(1));
        store.undos().planned("r2", "u1", second, T0);

        assertThat(store.undos().pending("r1")).extracting(PendingUndo::undoId).containsExactly("u1", "u2");
        assertThat(store.undos().pending("r1").get(0).compensation()).isEqualTo(resume);

        store.undos().done("r1", "u1", "done", "resumed 4711", T0.plusSeconds(2));
        assertThat(store.undos().pending("r1")).extracting(PendingUndo::undoId).containsExactly("u2");
        assertThat(store.undos().pending("r2")).hasSize(1);
    }

    @Test
    @DisplayName("opening an already migrated store again changes nothing")
    void reopenIsIdempotent() {
        AndonStore store = open();
        store.runs().started(start("r1", "kill-one", NODE_A, T0));
        AndonStore again = open();
        assertThat(again.runs().find("r1")).isPresent();
    }
}
