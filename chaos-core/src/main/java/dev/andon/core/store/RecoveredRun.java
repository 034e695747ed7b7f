package dev.andon.core.store;

import dev.andon.core.engine.ActionRecord;
import java.util.List;

/**
 * A run found orphaned, marked interrupted, and rolled back.
 *
 * @param runId      the run
 * @param experiment its experiment
 * @param reason     why it was judged orphaned
 * @param undos      the undos executed, in execution order, with how each went
 */
public record RecoveredRun(String runId, String experiment, String reason, List<ActionRecord> undos) {

    public RecoveredRun {
        undos = List.copyOf(undos);
    }

    public boolean allUndone() {
        return undos.stream().allMatch(u -> u.status() == ActionRecord.Status.DONE || u.status() == ActionRecord.Status.TARGET_GONE);
    }
}
