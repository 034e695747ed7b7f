package dev.andon.core.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known when a run begins: the row history holds as {@code running} until it ends.
 *
 * @param pluginSettings the run's raw plugin settings, kept so crash recovery undoes against the same
 *                       cluster, region or context; empty when none
 */
public record RunStart(
        String runId,
        String experiment,
        String trigger,
        NodeIdentity owner,
        Instant started,
        long seed,
        boolean dryRun,
        Optional<String> journalPath,
        Map<String, Map<String, Object>> pluginSettings) {

    public RunStart {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(started, "started");
        journalPath = journalPath == null ? Optional.empty() : journalPath;
        pluginSettings = Map.copyOf(pluginSettings == null ? Map.of() : pluginSettings);
    }

    /** A run without plugin settings. */
    public RunStart(String runId, String experiment, String trigger, NodeIdentity owner, Instant started, long seed,
            boolean dryRun, Optional<String> journalPath) {
        this(runId, experiment, trigger, owner, started, seed, dryRun, journalPath, Map.of());
    }
}
