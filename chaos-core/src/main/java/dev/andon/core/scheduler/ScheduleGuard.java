package dev.andon.core.scheduler;

import dev.andon.core.engine.RunGuard;
import dev.andon.core.model.Experiment;
import dev.andon.core.engine.RunOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * One check before a scheduled run touches anything (Chaos Monkey's kill path: each guard returns early with
 * a reason). Guards run in order; the first refusal is recorded as a skip and the run does not start.
 */
@FunctionalInterface
public interface ScheduleGuard {

    /** Why this run must not happen now, or empty to let it go on. */
    Optional<SkipReason> check(Schedule schedule, Experiment experiment, RunOptions options, Instant now);

    /**
     * The same check as an engine {@link RunGuard}, for runs the engine starts with a {@code schedule:<name>}
     * trigger; other runs pass.
     */
    default RunGuard asRunGuard(Function<String, Optional<Schedule>> schedules, Clock clock) {
        return (experiment, options) -> {
            if (!options.trigger().startsWith("schedule:")) {
                return Optional.empty();
            }
            return schedules.apply(options.trigger().substring("schedule:".length()))
                    .flatMap(s -> check(s, experiment, options, clock.instant()))
                    .map(SkipReason::message);
        };
    }
}
