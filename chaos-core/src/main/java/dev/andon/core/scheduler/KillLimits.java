package dev.andon.core.scheduler;

import java.util.Optional;

/**
 * How often a schedule may kill.
 *
 * @param minimumGap     minimum time between two kills of the schedule; empty for none
 * @param maxKillsPerDay maximum kills per calendar day (in the window's zone); empty for no limit
 */
public record KillLimits(Optional<MinimumGap> minimumGap, Optional<Integer> maxKillsPerDay) {

    public static final KillLimits NONE = new KillLimits(Optional.empty(), Optional.empty());

    public KillLimits {
        maxKillsPerDay.ifPresent(max -> {
            if (max < 1) {
                throw new IllegalArgumentException("maxKillsPerDay must be at least 1, but was " + max);
            }
        });
    }
}
