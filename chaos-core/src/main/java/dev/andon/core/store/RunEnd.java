package dev.andon.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How a run ended, as history stores it. */
public record RunEnd(
        String runId,
        RunStatus status,
        String reason,
        boolean deviated,
        Optional<Duration> timeToRecovery,
        List<String> selectedTargets,
        Instant ended) {

    public RunEnd {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ended, "ended");
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a run cannot end as running");
        }
        reason = reason == null ? "" : reason;
        timeToRecovery = timeToRecovery == null ? Optional.empty() : timeToRecovery;
        selectedTargets = List.copyOf(selectedTargets == null ? List.of() : selectedTargets);
    }
}
