package dev.andon.core.engine;

import java.util.List;
import java.util.Optional;

/**
 * Something that can tell a run to stop now: the andon cord, SIGINT, a game day's abort criterion.
 * Polled by the engine at least every {@link ExperimentRunner#STOP_POLL_INTERVAL}.
 */
@FunctionalInterface
public interface StopSignal {

    StopSignal NEVER = Optional::empty;

    /** The reason to stop, or empty to go on. */
    Optional<Stop> poll();

    /**
     * Why a run must stop.
     *
     * @param reason      shown to users and journaled, e.g. "halted by alice: payments incident"
     * @param interrupted true for process signals (outcome {@code interrupted}), false for the cord and stop
     *                    conditions (outcome {@code aborted})
     */
    record Stop(String reason, boolean interrupted) {
    }

    static StopSignal anyOf(List<StopSignal> signals) {
        return () -> {
            for (StopSignal s : signals) {
                Optional<Stop> stop = s.poll();
                if (stop.isPresent()) {
                    return stop;
                }
            }
            return Optional.empty();
        };
    }
}
