package dev.andon.core.engine;

import dev.andon.core.model.ProbeSpec;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.spi.Probe;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.spi.RunContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Observes one probe and judges it against its expectation. */
final class ProbeRunner {

    /** Bodies and outputs are cut to this in samples: journals hold evidence, not payloads. */
    static final int MAX_SAMPLE_TEXT = 512;

    private final PluginRegistry registry;
    private final Clock clock;

    ProbeRunner(PluginRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    ProbeSample sample(ProbeSpec spec, String stage, RunContext context) {
        Instant at = clock.instant();
        long start = System.nanoTime();
        ProbeObservation observation;
        Probe probe = registry.probe(spec.probe()).orElse(null);
        if (probe == null) {
            observation = ProbeObservation.failed("no probe named '" + spec.probe() + "' is installed", Duration.ZERO);
        } else {
            try {
                observation = probe.observe(spec.parameters(), context);
            } catch (RuntimeException e) {
                observation = ProbeObservation.failed(spec.probe() + " failed: " + e, Duration.ofNanos(System.nanoTime() - start));
            }
        }
        List<String> failures = spec.expect().failures(observation);
        return new ProbeSample(spec.name(), stage, at, failures.isEmpty(), observation.latency(), shorten(observation.values()), failures);
    }

    private static Map<String, Object> shorten(Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v instanceof String s && s.length() > MAX_SAMPLE_TEXT) {
                out.put(k, s.substring(0, MAX_SAMPLE_TEXT) + "…");
            } else if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
