package dev.andon.core.spi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a probe saw.
 *
 * <p>Values use well-known keys so that expectations read the same across probes: {@code status}
 * (HTTP status), {@code body}, {@code exitCode}, {@code stdout}, {@code value} (a number such as a ready
 * count), {@code ok} (a boolean verdict from the probe itself, e.g. a port accepted).
 *
 * @param values  what was observed
 * @param latency how long the observation took
 * @param error   why nothing could be observed (connection refused, timeout); the hypothesis then fails
 */
public record ProbeObservation(Map<String, Object> values, Duration latency, Optional<String> error) {

    public static final String STATUS = "status";
    public static final String BODY = "body";
    public static final String EXIT_CODE = "exitCode";
    public static final String STDOUT = "stdout";
    public static final String VALUE = "value";
    public static final String OK = "ok";

    public ProbeObservation {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    public static ProbeObservation of(Map<String, Object> values, Duration latency) {
        return new ProbeObservation(values, latency, Optional.empty());
    }

    public static ProbeObservation failed(String error, Duration latency) {
        return new ProbeObservation(Map.of(), latency, Optional.of(error));
    }

    public Object value(String key) {
        return values.get(key);
    }
}
