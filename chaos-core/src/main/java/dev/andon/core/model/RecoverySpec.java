package dev.andon.core.model;

import java.time.Duration;
import java.util.List;

/**
 * What "recovered" means and how long to wait for it.
 *
 * @param timeout how long after the method to keep probing for recovery before calling it a timeout
 * @param probes  extra probes that must pass again for the system to count as recovered, though their
 *                failing is not a deviation: "all 3 replicas are back" while the hypothesis only asks that
 *                the front keeps answering. Time to recovery is measured on hypothesis and recovery probes.
 */
public record RecoverySpec(Duration timeout, List<ProbeSpec> probes) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final RecoverySpec DEFAULT = new RecoverySpec(DEFAULT_TIMEOUT, List.of());

    public RecoverySpec {
        probes = List.copyOf(probes);
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("recovery timeout must not be negative, but was " + timeout);
        }
    }

    public RecoverySpec(Duration timeout) {
        this(timeout, List.of());
    }
}
