package dev.andon.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.spi.ProbeObservation;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** One condition of an {@link Expectation}; each says in words why an observation fails it. */
public sealed interface Check {

    Optional<String> failure(ProbeObservation observation);

    /** {@code status: 200} or {@code status: [200, 204]}. */
    record StatusIn(Set<Integer> statuses) implements Check {
        public StatusIn {
            statuses = Set.copyOf(statuses);
        }

        @Override
        public Optional<String> failure(ProbeObservation o) {
            Object status = o.value(ProbeObservation.STATUS);
            if (status instanceof Number n && statuses.contains(n.intValue())) {
                return Optional.empty();
            }
            return Optional.of("status " + status + ", expected " + (statuses.size() == 1 ? statuses.iterator().next() : statuses));
        }
    }

    /** {@code latencyBelow: 500ms}. */
    record LatencyBelow(Duration limit) implements Check {
        @Override
        public Optional<String> failure(ProbeObservation o) {
            return o.latency().compareTo(limit) < 0
                    ? Optional.empty()
                    : Optional.of("latency " + o.latency().toMillis() + "ms, expected below " + limit.toMillis() + "ms");
        }
    }

    /** {@code bodyMatches: regex}, {@code stdoutMatches: regex}: the regex is found in the field. */
    record Matches(String field, Pattern pattern) implements Check {
        @Override
        public Optional<String> failure(ProbeObservation o) {
            Object v = o.value(field);
            return v != null && pattern.matcher(v.toString()).find()
                    ? Optional.empty()
                    : Optional.of(field + " does not match /" + pattern.pattern() + "/");
        }
    }

    /** {@code exitCode: 0}, {@code ok: true}, {@code value: {equals: 3}}: the field equals a value. */
    record Equals(String field, Object expected) implements Check {
        @Override
        public Optional<String> failure(ProbeObservation o) {
            Object v = o.value(field);
            return sameValue(v, expected) ? Optional.empty() : Optional.of(field + " was " + v + ", expected " + expected);
        }
    }

    /** {@code value: {min: 3, max: 5}}: a numeric field within bounds (inclusive). */
    record Range(String field, Optional<Double> min, Optional<Double> max) implements Check {
        @Override
        public Optional<String> failure(ProbeObservation o) {
            Object v = o.value(field);
            Double d = asNumber(v);
            if (d == null) {
                return Optional.of(field + " was " + v + ", expected a number");
            }
            if (min.isPresent() && d < min.get()) {
                return Optional.of(field + " was " + format(d) + ", expected at least " + format(min.get()));
            }
            if (max.isPresent() && d > max.get()) {
                return Optional.of(field + " was " + format(d) + ", expected at most " + format(max.get()));
            }
            return Optional.empty();
        }
    }

    /**
     * {@code jsonPath: {path: "$.status", equals: "UP"}} (or {@code matches}, {@code min}, {@code max}):
     * the body parsed as JSON, the path a dotted subset ({@code $.a.b[0].c}).
     */
    record JsonPath(String path, Optional<Object> equalsValue, Optional<Pattern> matches, Optional<Double> min, Optional<Double> max)
            implements Check {

        // Created on the first judgement, not when a file is loaded: validating a file should not pay
        // for Jackson databind's few hundred classes.
        private static final class Json {
            static final ObjectMapper MAPPER = new ObjectMapper();
        }

        @Override
        public Optional<String> failure(ProbeObservation o) {
            Object body = o.value(ProbeObservation.BODY);
            if (body == null) {
                return Optional.of("no body to read " + path + " from");
            }
            JsonNode node;
            try {
                node = JsonPaths.read(Json.MAPPER.readTree(body.toString()), path);
            } catch (Exception e) {
                return Optional.of("body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
            }
            if (node == null || node.isMissingNode()) {
                return Optional.of(path + " not found in body");
            }
            Object value = node.isNumber() ? node.numberValue() : node.isBoolean() ? node.booleanValue() : node.isValueNode() ? node.asText() : node.toString();
            if (equalsValue.isPresent() && !sameValue(value, equalsValue.get())) {
                return Optional.of(path + " was " + value + ", expected " + equalsValue.get());
            }
            if (matches.isPresent() && !matches.get().matcher(String.valueOf(value)).find()) {
                return Optional.of(path + " was " + value + ", expected to match /" + matches.get().pattern() + "/");
            }
            Double d = asNumber(value);
            if ((min.isPresent() || max.isPresent()) && d == null) {
                return Optional.of(path + " was " + value + ", expected a number");
            }
            if (min.isPresent() && d < min.get()) {
                return Optional.of(path + " was " + value + ", expected at least " + format(min.get()));
            }
            if (max.isPresent() && d > max.get()) {
                return Optional.of(path + " was " + value + ", expected at most " + format(max.get()));
            }
            return Optional.empty();
        }
    }

    private static boolean sameValue(Object actual, Object expected) {
        if (actual instanceof Number || expected instanceof Number) {
            Double a = asNumber(actual);
            Double e = asNumber(expected);
            return a != null && a.equals(e);
        }
        return Objects.equals(actual == null ? null : actual.toString(), expected == null ? null : expected.toString());
    }

    private static Double asNumber(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String format(double d) {
        return d == Math.floor(d) && !Double.isInfinite(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
