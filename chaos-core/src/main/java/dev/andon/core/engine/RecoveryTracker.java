package dev.andon.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Follows the system's state after the first injection and derives time to recovery.
 *
 * <p>Time to recovery runs from the first injection to the start of the final stretch of passing rounds:
 * a system that recovers, breaks again and recovers again is measured to its last recovery, because that
 * is when it was really back. It is absent when nothing ever broke, and not reached when the last round
 * failed.
 */
final class RecoveryTracker {

    private Instant firstInjection;
    private Instant firstBreak;
    private Instant lastRecovery;
    private boolean currentlyBroken;
    private boolean hypothesisDeviated;
    private String deviationReason;

    synchronized void injected(Instant at) {
        if (firstInjection == null) {
            firstInjection = at;
        }
    }

    synchronized boolean hasInjected() {
        return firstInjection != null;
    }

    /**
     * Records one round of probes.
     *
     * @param hypothesisFailure first failure among the hypothesis probes, if any (a deviation)
     * @param recoveryFailure   first failure among the recovery probes, if any (not a deviation)
     * @return the change of state this round caused, if any: true for recovered, false for broke
     */
    synchronized Optional<Boolean> round(Instant at, Optional<String> hypothesisFailure, Optional<String> recoveryFailure) {
        if (hypothesisFailure.isPresent() && !hypothesisDeviated) {
            hypothesisDeviated = true;
            deviationReason = hypothesisFailure.get();
        }
        boolean broken = hypothesisFailure.isPresent() || recoveryFailure.isPresent();
        Optional<Boolean> change = Optional.empty();
        if (broken && !currentlyBroken) {
            if (firstBreak == null) {
                firstBreak = at;
            }
            change = Optional.of(false);
        } else if (!broken && currentlyBroken) {
            lastRecovery = at;
            change = Optional.of(true);
        }
        currentlyBroken = broken;
        return change;
    }

    synchronized boolean currentlyBroken() {
        return currentlyBroken;
    }

    synchronized boolean everBroke() {
        return firstBreak != null;
    }

    synchronized boolean hypothesisDeviated() {
        return hypothesisDeviated;
    }

    synchronized String deviationReason() {
        return deviationReason;
    }

    /** Time to recovery, when the system broke and is back. */
    synchronized Optional<Duration> timeToRecovery() {
        if (firstBreak == null || currentlyBroken || lastRecovery == null || firstInjection == null) {
            return Optional.empty();
        }
        Duration d = Duration.between(firstInjection, lastRecovery);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
    }
}
