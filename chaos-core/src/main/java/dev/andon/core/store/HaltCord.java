package dev.andon.core.store;

import dev.andon.core.engine.StopSignal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The andon cord as a {@link StopSignal}: stops a run once {@code andon halt} has been recorded in the
 * store by anyone, on any node sharing it. The engine polls every 100 ms; the store is read at most
 * every {@code readInterval} (one indexed single-row query), so a halt reaches every run within about
 * {@code readInterval} plus the engine's own poll.
 *
 * <p>Fails safe: when the cord cannot be read for longer than {@code unreadableFor}, the run stops, since
 * nobody could stop it otherwise (and crash recovery on another node may be about to undo its faults).
 */
public final class HaltCord implements StopSignal {

    public static final Duration DEFAULT_READ_INTERVAL = Duration.ofMillis(200);
    public static final Duration DEFAULT_UNREADABLE_FOR = Duration.ofSeconds(5);

    private final HaltRegistry halts;
    private final Clock clock;
    private final Duration readInterval;
    private final Duration unreadableFor;

    private Instant nextRead;
    private Instant lastSuccess;
    private Optional<Stop> current = Optional.empty();

    public HaltCord(HaltRegistry halts, Clock clock, Duration readInterval, Duration unreadableFor) {
        this.halts = halts;
        this.clock = clock;
        this.readInterval = readInterval;
        this.unreadableFor = unreadableFor;
        this.lastSuccess = clock.instant();
    }

    public HaltCord(HaltRegistry halts, Clock clock) {
        this(halts, clock, DEFAULT_READ_INTERVAL, DEFAULT_UNREADABLE_FOR);
    }

    @Override
    public synchronized Optional<Stop> poll() {
        Instant now = clock.instant();
        if (nextRead != null && now.isBefore(nextRead)) {
            return current;
        }
        nextRead = now.plus(readInterval);
        try {
            current = halts.currentHalt().map(h -> new Stop(h.sentence(), false));
            lastSuccess = now;
        } catch (StoreException e) {
            if (Duration.between(lastSuccess, now).compareTo(unreadableFor) > 0) {
                current = Optional.of(new Stop("cannot read the andon cord for " + unreadableFor.toSeconds()
                        + "s, stopping to be safe: " + e.getMessage(), false));
            }
        }
        return current;
    }
}
