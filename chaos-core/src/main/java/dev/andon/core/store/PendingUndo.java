package dev.andon.core.store;

import dev.andon.core.spi.Compensation;
import java.time.Instant;
import java.util.Objects;

/**
 * An undo recorded before its fault was injected and not yet done.
 *
 * @param runId        the run that planned it
 * @param undoId       the engine's id for it, unique within the run
 * @param compensation what to execute
 * @param plannedAt    when it was planned
 */
public record PendingUndo(String runId, String undoId, Compensation compensation, Instant plannedAt) {

    public PendingUndo {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(undoId, "undoId");
        Objects.requireNonNull(compensation, "compensation");
    }
}
