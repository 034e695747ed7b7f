package dev.andon.core.scheduler;

import dev.andon.core.engine.RunResult;
import dev.andon.core.store.CordEvent;
import java.time.Instant;
import java.util.List;

/** What the scheduler did, for metrics and notifications. Implementations never throw. */
public interface SchedulerEvents {

    SchedulerEvents NONE = new SchedulerEvents() { };

    default void skipped(String schedule, SkipReason reason, Instant at) {
    }

    default void finished(String schedule, RunResult result) {
    }

    /** The cord was pulled or released (seen by this node's watcher). */
    default void cordChanged(CordEvent event) {
    }

    static SchedulerEvents all(List<SchedulerEvents> events) {
        return new SchedulerEvents() {
            @Override
            public void skipped(String schedule, SkipReason reason, Instant at) {
                events.forEach(e -> e.skipped(schedule, reason, at));
            }

            @Override
            public void finished(String schedule, RunResult result) {
                events.forEach(e -> e.finished(schedule, result));
            }

            @Override
            public void cordChanged(CordEvent event) {
                events.forEach(e -> e.cordChanged(event));
            }
        };
    }
}
