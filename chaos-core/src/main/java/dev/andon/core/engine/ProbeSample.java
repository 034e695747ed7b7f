package dev.andon.core.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One observation of one probe, judged.
 *
 * @param probe    the probe's name in the file
 * @param stage    {@code before}, {@code during}, {@code after} (hypothesis) or {@code method} (a probe step)
 * @param at       when the observation started
 * @param passed   whether it met the expectation
 * @param latency  how long it took
 * @param values   what was observed (long bodies shortened)
 * @param failures why it did not pass, empty when it did
 */
public record ProbeSample(String probe, String stage, Instant at, boolean passed, Duration latency, Map<String, Object> values, List<String> failures) {

    public ProbeSample {
        values = Map.copyOf(values);
        failures = List.copyOf(failures);
    }
}
