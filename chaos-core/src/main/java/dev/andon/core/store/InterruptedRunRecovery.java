package dev.andon.core.store;

import dev.andon.core.engine.ActionRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds runs whose process died mid-run, marks them {@code interrupted} and executes their pending undos,
 * so no fault stays in place after a crash. Run at the start of every node and every command that opens
 * the store.
 *
 * <p>A run is orphaned when its owner is on this host and its PID is gone (or now belongs to another
 * process), or when its heartbeat is older than {@code staleAfter}. A live owner on this host is trusted
 * whatever its heartbeat says. Claiming a run is atomic, so two nodes recovering at once never both undo.
 */
public final class InterruptedRunRecovery {

    /** Six missed heartbeats at the default interval: long enough to ride out a GC pause or a slow query. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(30);

    private final AndonStore store;
    private final CompensationExecutor executor;
    private final ProcessLiveness liveness;
    private final NodeIdentity self;
    private final Clock clock;
    private final Duration staleAfter;

    public InterruptedRunRecovery(AndonStore store, CompensationExecutor executor, ProcessLiveness liveness,
            NodeIdentity self, Clock clock, Duration staleAfter) {
        this.store = store;
        this.executor = executor;
        this.liveness = liveness;
        this.self = self;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** Recovers every orphaned run; returns what was done, empty when nothing was orphaned. */
    public List<RecoveredRun> recover() {
        List<RecoveredRun> recovered = new ArrayList<>();
        for (RunRecord run : store.runs().running()) {
            Optional<String> orphaned = whyOrphaned(run, clock.instant());
            if (orphaned.isEmpty()) {
                continue;
            }
            String reason = "interrupted: " + orphaned.get() + "; recovered by " + self.node() + " (pid " + self.pid() + ")";
            if (store.runs().claimInterrupted(run.runId(), reason, clock.instant())) {
                recovered.add(rollBack(run, reason));
            }
        }
        return recovered;
    }

    private Optional<String> whyOrphaned(RunRecord run, Instant now) {
        NodeIdentity owner = run.owner();
        if (owner.host().equals(self.host()) && owner.pid() == self.pid()) {
            return Optional.empty();
        }
        if (owner.host().equals(self.host())) {
            return liveness.mayBeAlive(owner)
                    ? Optional.empty()
                    : Optional.of("process " + owner.pid() + " on " + owner.host() + " died while the run was in progress");
        }
        Duration silent = Duration.between(run.heartbeat(), now);
        return silent.compareTo(staleAfter) > 0
                ? Optional.of("no heartbeat from node " + owner.node() + " (pid " + owner.pid() + " on " + owner.host()
                        + ") since " + run.heartbeat() + ", more than " + staleAfter.toSeconds() + "s")
                : Optional.empty();
    }

    private RecoveredRun rollBack(RunRecord run, String reason) {
        List<PendingUndo> pending = new ArrayList<>(store.undos().pending(run.runId()));
        // Undo in reverse: the last fault injected is the first undone, as the engine's rollbacks do.
        java.util.Collections.reverse(pending);
        List<ActionRecord> done = new ArrayList<>();
        for (PendingUndo undo : pending) {
            ActionRecord result = execute(undo, run.pluginSettings());
            store.undos().done(run.runId(), undo.undoId(), result.status().spelling(), result.summary(), result.ended());
            done.add(result);
        }
        long failed = done.stream().filter(r -> r.status() == ActionRecord.Status.FAILED).count();
        String summary = reason + (done.isEmpty() ? "; no pending undo"
                : "; " + (done.size() - failed) + " of " + done.size() + " pending undos executed"
                        + (failed > 0 ? ", " + failed + " failed" : ""));
        store.runs().finished(new RunEnd(run.runId(), RunStatus.INTERRUPTED, summary, run.deviated(),
                run.timeToRecovery(), run.selectedTargets(), clock.instant()));
        return new RecoveredRun(run.runId(), run.experiment(), summary, done);
    }

    private ActionRecord execute(PendingUndo undo, Map<String, Map<String, Object>> settings) {
        Instant started = clock.instant();
        try {
            return executor.undo(undo.runId(), undo.compensation(), settings);
        } catch (RuntimeException e) {
            // An executor that throws instead of returning a failed record still must not stop the other undos.
            return new ActionRecord("undo", undo.compensation().action(), undo.compensation().target(), started,
                    clock.instant(), ActionRecord.Status.FAILED, undo.compensation().description(), Map.of(),
                    Optional.of(String.valueOf(e.getMessage())));
        }
    }
}
