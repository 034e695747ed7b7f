package dev.andon.core.store;

import dev.andon.core.spi.Compensation;
import java.time.Instant;
import java.util.List;

/** Undos planned before their fault, so a later process can execute them after a crash. */
public interface UndoLog {

    void planned(String runId, String undoId, Compensation compensation, Instant at);

    /** The undo ran (successfully or not: {@code status} and {@code summary} say how). */
    void done(String runId, String undoId, String status, String summary, Instant at);

    /** The run's undos not yet done, in the order they were planned. */
    List<PendingUndo> pending(String runId);
}
