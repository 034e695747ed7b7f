package dev.andon.core.scheduler;

import java.time.Instant;

/** What the trigger machinery (Quartz) calls; it knows nothing about experiments. */
public interface FiringHandler {

    /** A schedule fired on this node; runs the guards and, if they pass, the experiment. Blocks for the run. */
    void fired(String schedule, Instant scheduledAt);

    /** A firing was missed because no node was running at {@code scheduledAt}; it is recorded, not run late. */
    void missed(String schedule, Instant scheduledAt);
}
