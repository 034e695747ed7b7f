package dev.andon.core.store;

import java.time.Duration;

/**
 * How often runs prove they are alive, when a silent run counts as orphaned, and how often the cord is
 * read.
 *
 * @param heartbeatInterval how often a running process refreshes its runs' heartbeat
 * @param staleAfter        a run on another host silent for longer is orphaned
 * @param cordReadInterval  the cord is read from the store at most this often
 * @param cordUnreadableFor runs stop when the cord cannot be read for longer
 */
public record StoreTimings(Duration heartbeatInterval, Duration staleAfter, Duration cordReadInterval, Duration cordUnreadableFor) {

    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(5);
    public static final StoreTimings DEFAULTS = new StoreTimings(DEFAULT_HEARTBEAT_INTERVAL,
            InterruptedRunRecovery.DEFAULT_STALE_AFTER, HaltCord.DEFAULT_READ_INTERVAL, HaltCord.DEFAULT_UNREADABLE_FOR);

    public StoreTimings {
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeatInterval must be positive, but was " + heartbeatInterval);
        }
        if (staleAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("staleAfter must be at least twice heartbeatInterval (" + heartbeatInterval
                    + "), but was " + staleAfter);
        }
    }
}
