package dev.andon.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run in history: a row written when the run starts and completed when it ends.
 *
 * @param runId            the run's id
 * @param experiment       the experiment's name
 * @param trigger          {@code cli}, {@code schedule:<name>}, {@code gameday:<name>}
 * @param owner            the process that ran it
 * @param started          when it began
 * @param ended            when it ended; empty while running
 * @param status           running, an outcome, or skipped
 * @param reason           one line explaining the status (the guard's reason for a skip)
 * @param deviated         the hypothesis broke after injection
 * @param timeToRecovery   first injection to the first passing sample after a break
 * @param seed             the seed of the pick
 * @param dryRun           nothing was injected
 * @param selectedTargets  the picked targets' ids, as {@code targetSet/id}
 * @param journalPath      where the run's JSON journal was written, if any
 * @param heartbeat        last sign of life of the owner while running
 * @param pluginSettings   the run's raw plugin settings, for undos executed by crash recovery
 */
public record RunRecord(
        String runId,
        String experiment,
        String trigger,
        NodeIdentity owner,
        Instant started,
        Optional<Instant> ended,
        RunStatus status,
        String reason,
        boolean deviated,
        Optional<Duration> timeToRecovery,
        long seed,
        boolean dryRun,
        List<String> selectedTargets,
        Optional<String> journalPath,
        Instant heartbeat,
        Map<String, Map<String, Object>> pluginSettings) {

    public RunRecord {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        selectedTargets = List.copyOf(selectedTargets == null ? List.of() : selectedTargets);
        pluginSettings = Map.copyOf(pluginSettings == null ? Map.of() : pluginSettings);
    }
}
