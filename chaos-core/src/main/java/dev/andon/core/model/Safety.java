package dev.andon.core.model;

import java.util.Optional;

/**
 * Blast-radius limits and abort behaviour.
 *
 * @param maxTargets       a run that would hit more targets than this in one target set is aborted before acting
 * @param maxPercent       likewise, as a percentage of the eligible candidates
 * @param dryRun           select and report, inject nothing
 * @param abortOnDeviation stop the method at the first deviation seen during continuous probing
 */
public record Safety(Optional<Integer> maxTargets, Optional<Double> maxPercent, boolean dryRun, boolean abortOnDeviation) {

    public static final boolean DEFAULT_ABORT_ON_DEVIATION = true;
    public static final Safety DEFAULT = new Safety(Optional.empty(), Optional.empty(), false, DEFAULT_ABORT_ON_DEVIATION);

    public Safety {
        maxTargets.ifPresent(m -> {
            if (m < 1) {
                throw new IllegalArgumentException("maxTargets must be at least 1, but was " + m);
            }
        });
        maxPercent.ifPresent(p -> {
            if (p <= 0 || p > 100) {
                throw new IllegalArgumentException("maxPercent must be above 0 and at most 100, but was " + p);
            }
        });
    }
}
