package dev.andon.core.store;

import dev.andon.core.engine.RunGuard;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.StopSignal;
import dev.andon.core.store.jdbc.JdbcAndonStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What a process that runs experiments needs from the store, opened once: the store, a recorder per run,
 * the cord as a stop signal, the halt guard, and crash recovery. {@code andon run}, the daemon and game
 * days each open one:
 *
 * <pre>{@code
 * try (StoreSession store = StoreSession.open(config, NodeIdentity.current(), clock)) {
 *     store.recoverInterruptedRuns(runner::undo);
 *     RunOptions options = RunOptions.fresh(seed).withStopSignal(store.cord());
 *     runner.withGuards(List.of(store.haltGuard()))
 *           .run(experiment, options, RunListener.all(List.of(journal, store.recorder(journalPath))));
 * }
 * }</pre>
 */
public final class StoreSession implements AutoCloseable {

    private final AndonStore store;
    private final NodeIdentity self;
    private final Clock clock;
    private final StoreTimings timings;
    private final RunHeartbeats heartbeats;
    private final HaltCord cord;

    public StoreSession(AndonStore store, NodeIdentity self, Clock clock, StoreTimings timings) {
        this.store = store;
        this.self = self;
        this.clock = clock;
        this.timings = timings;
        this.heartbeats = new RunHeartbeats(store.runs(), clock, timings.heartbeatInterval());
        this.cord = new HaltCord(store.halts(), clock, timings.cordReadInterval(), timings.cordUnreadableFor());
    }

    /** Opens (and migrates) the store at {@code config}. */
    public static StoreSession open(StoreConfig config, NodeIdentity self, Clock clock) {
        return open(config, self, clock, StoreTimings.DEFAULTS);
    }

    public static StoreSession open(StoreConfig config, NodeIdentity self, Clock clock, StoreTimings timings) {
        return new StoreSession(JdbcAndonStore.open(config), self, clock, timings);
    }

    public AndonStore store() {
        return store;
    }

    public NodeIdentity self() {
        return self;
    }

    /** A listener recording one run; create one per run. */
    public RunListener recorder(Optional<Path> journalPath) {
        return new StoreRunListener(store, heartbeats, self, journalPath);
    }

    /** The andon cord; one instance shared by every run of this process keeps store reads to one per interval. */
    public StopSignal cord() {
        return cord;
    }

    public RunGuard haltGuard() {
        return new HaltGuard(store.halts());
    }

    /** Marks orphaned runs interrupted and executes their pending undos with {@code executor}. */
    public List<RecoveredRun> recoverInterruptedRuns(CompensationExecutor executor) {
        return new InterruptedRunRecovery(store, executor, ProcessLiveness.onHost(self.host()), self, clock,
                timings.staleAfter()).recover();
    }

    @Override
    public void close() {
        heartbeats.close();
        store.close();
    }
}
