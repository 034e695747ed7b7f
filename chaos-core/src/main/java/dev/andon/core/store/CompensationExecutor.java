package dev.andon.core.store;

import dev.andon.core.engine.ActionRecord;
import dev.andon.core.spi.Compensation;
import java.util.Map;

/**
 * Executes an undo outside any run, for crash recovery. In production it is the engine's:
 * {@code (runId, undo, settings) -> runner.undo(undo, runId, settings, listener)}.
 */
@FunctionalInterface
public interface CompensationExecutor {

    /**
     * Executes it; a failure is returned as a {@link ActionRecord.Status#FAILED} record, not thrown.
     *
     * @param runId    the interrupted run the undo belongs to
     * @param undo     what to execute
     * @param settings the run's raw plugin settings
     */
    ActionRecord undo(String runId, Compensation undo, Map<String, Map<String, Object>> settings);
}
