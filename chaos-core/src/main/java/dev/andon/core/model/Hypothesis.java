package dev.andon.core.model;

import java.time.Duration;
import java.util.List;

/**
 * The steady state: probes that must all meet their expectations.
 *
 * @param strategy {@code before-after} probes before injecting and after recovery; {@code continuous} also
 *                 probes at {@code interval} for the whole method and the recovery wait
 * @param interval time between continuous samples
 * @param probes   the probes, all of which must pass for the hypothesis to hold
 */
public record Hypothesis(Strategy strategy, Duration interval, List<ProbeSpec> probes) {

    public enum Strategy {
        BEFORE_AFTER("before-after"),
        CONTINUOUS("continuous");

        private final String spelling;

        Strategy(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }
    }

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    public static final Hypothesis NONE = new Hypothesis(Strategy.BEFORE_AFTER, DEFAULT_INTERVAL, List.of());

    public Hypothesis {
        probes = List.copyOf(probes);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, but was " + interval);
        }
    }

    public boolean isEmpty() {
        return probes.isEmpty();
    }
}
