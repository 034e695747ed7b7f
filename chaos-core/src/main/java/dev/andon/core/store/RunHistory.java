package dev.andon.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Runs and skips, as they start and end. A crash leaves a {@code running} row behind, which
 * {@link InterruptedRunRecovery} finds at the next start.
 */
public interface RunHistory {

    /** Writes the {@code running} row; the run's id must be new. */
    void started(RunStart start);

    /** Records the picked targets before anything is injected (DESIGN.md step 5). */
    void targetsSelected(String runId, List<String> selectedTargets);

    /** Completes the row. */
    void finished(RunEnd end);

    /**
     * Records a run refused before it started (a scheduler guard): a complete row with status
     * {@code skipped} and the guard's reason.
     */
    void skipped(RunStart start, String reason);

    /** The owner of these runs is alive at {@code at}. */
    void heartbeat(Collection<String> runIds, Instant at);

    /**
     * Marks a {@code running} run {@code interrupted}, unless another process did first: only the caller
     * that gets {@code true} may execute its pending undos.
     */
    boolean claimInterrupted(String runId, String reason, Instant at);

    Optional<RunRecord> find(String runId);

    /** Runs still marked {@code running}, oldest first. */
    List<RunRecord> running();

    /** Runs matching the query, newest first. */
    List<RunRecord> query(HistoryQuery query);
}
