package dev.andon.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param runId            the run's id
 * @param experiment       the experiment's name
 * @param outcome          held, deviated, aborted, failed, interrupted
 * @param reason           one line explaining the outcome
 * @param deviated         whether the hypothesis broke at any point after injection
 * @param timeToRecovery   first injection to the first passing sample after a break; empty if it never broke
 *                         or never recovered
 * @param recoveryTimedOut it broke and did not hold again within the recovery timeout
 * @param seed             the seed of the pick
 * @param dryRun           nothing was injected
 * @param selections       one per target set used
 * @param started          when the run began
 * @param ended            when it ended
 */
public record RunResult(
        String runId,
        String experiment,
        Outcome outcome,
        String reason,
        boolean deviated,
        Optional<Duration> timeToRecovery,
        boolean recoveryTimedOut,
        long seed,
        boolean dryRun,
        List<Selection> selections,
        Instant started,
        Instant ended) {

    public RunResult {
        selections = List.copyOf(selections);
    }

    public Duration duration() {
        return Duration.between(started, ended);
    }
}
