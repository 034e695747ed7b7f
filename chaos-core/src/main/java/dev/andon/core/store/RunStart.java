package dev.andon.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What is known when a run begins: the row history holds as {@code running} until it ends. */
public record RunStart(
        String runId,
        String experiment,
        String trigger,
        NodeIdentity owner,
        Instant started,
        long seed,
        boolean dryRun,
        Optional<String> journalPath) {

    public RunStart {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(started, "started");
        journalPath = journalPath == null ? Optional.empty() : journalPath;
    }
}
