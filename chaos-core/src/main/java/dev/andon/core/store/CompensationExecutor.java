package dev.andon.core.store;

import dev.andon.core.engine.ActionRecord;
import dev.andon.core.spi.Compensation;

/**
 * Executes an undo outside any run, for crash recovery. The engine's {@code ExperimentRunner::undo}
 * is the production implementation.
 */
@FunctionalInterface
public interface CompensationExecutor {

    /** Executes it; a failure is returned as a {@link ActionRecord.Status#FAILED} record, not thrown. */
    ActionRecord undo(Compensation compensation);
}
