package dev.andon.core.gameday;

import dev.andon.core.model.ProbeSpec;
import java.time.Duration;
import java.util.List;

/**
 * Probes watched for the whole game day; when one fails {@code consecutiveFailures} times in a row the game
 * day stops and the running experiment's rollbacks run.
 *
 * @param interval            time between samples
 * @param consecutiveFailures failed samples in a row that stop the game day (1: the first failure)
 * @param probes              the probes, written like an experiment's hypothesis probes
 */
public record AbortCriteria(Duration interval, int consecutiveFailures, List<ProbeSpec> probes) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final AbortCriteria NONE = new AbortCriteria(DEFAULT_INTERVAL, 1, List.of());

    public AbortCriteria {
        probes = List.copyOf(probes);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, but was " + interval);
        }
        if (consecutiveFailures < 1) {
            throw new IllegalArgumentException("consecutiveFailures must be at least 1, but was " + consecutiveFailures);
        }
    }

    public boolean isEmpty() {
        return probes.isEmpty();
    }
}
