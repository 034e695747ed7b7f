package dev.andon.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The limits a termination must respect in its group.
 *
 * @param minTimeBetween no termination in the group may be closer than this to the previous one
 * @param maxPerDay      at most this many terminations in the group since {@code dayStart}
 * @param dayStart       the start of the current day in the schedule's time zone
 */
public record TerminationLimits(Duration minTimeBetween, OptionalInt maxPerDay, Instant dayStart) {

    public TerminationLimits {
        Objects.requireNonNull(minTimeBetween, "minTimeBetween");
        Objects.requireNonNull(dayStart, "dayStart");
        if (minTimeBetween.isNegative()) {
            throw new IllegalArgumentException("minTimeBetween must not be negative, but was " + minTimeBetween);
        }
        if (maxPerDay.isPresent() && maxPerDay.getAsInt() < 1) {
            throw new IllegalArgumentException("maxPerDay must be at least 1, but was " + maxPerDay.getAsInt());
        }
    }

    public static TerminationLimits none(Instant dayStart) {
        return new TerminationLimits(Duration.ZERO, OptionalInt.empty(), dayStart);
    }
}
