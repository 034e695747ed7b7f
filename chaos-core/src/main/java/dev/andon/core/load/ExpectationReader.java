package dev.andon.core.load;

import dev.andon.core.model.Check;
import dev.andon.core.model.Expectation;
import dev.andon.core.model.JsonPaths;
import dev.andon.core.spi.ProbeObservation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a probe's {@code expect}: {@code status}, {@code latencyBelow}, {@code bodyMatches},
 * {@code stdoutMatches}, {@code exitCode}, {@code ok}, {@code value} (a numeric range or an exact value)
 * and {@code jsonPath} (one check or a list of them).
 */
final class ExpectationReader {

    private final Problems problems;

    ExpectationReader(Problems problems) {
        this.problems = problems;
    }

    Optional<Expectation> read(Node node, String what) {
        Optional<MapReader> reader = MapReader.of(node, "expect of " + what, problems);
        if (reader.isEmpty()) {
            return Optional.empty();
        }
        MapReader expect = reader.get();
        int before = problems.size();
        List<Check> checks = new ArrayList<>();
        expect.entry("status").flatMap(e -> statuses(e.value())).ifPresent(checks::add);
        expect.duration("latencyBelow").map(Check.LatencyBelow::new).ifPresent(checks::add);
        regex(expect, "bodyMatches").map(p -> new Check.Matches(ProbeObservation.BODY, p)).ifPresent(checks::add);
        regex(expect, "stdoutMatches").map(p -> new Check.Matches(ProbeObservation.STDOUT, p)).ifPresent(checks::add);
        expect.integer("exitCode").map(c -> new Check.Equals(ProbeObservation.EXIT_CODE, c)).ifPresent(checks::add);
        expect.bool("ok").map(ok -> new Check.Equals(ProbeObservation.OK, ok)).ifPresent(checks::add);
        expect.map("value", "expect.value of " + what).ifPresent(value -> checks.addAll(valueChecks(value)));
        expect.entry("jsonPath").ifPresent(e -> checks.addAll(jsonPaths(e.value(), what)));
        expect.finish();
        return problems.size() > before ? Optional.empty() : Optional.of(new Expectation(checks));
    }

    private Optional<Check> statuses(Node node) {
        Set<Integer> codes = new LinkedHashSet<>();
        List<Node> items = node instanceof Node.ListNode list ? list.items() : List.of(node);
        for (Node item : items) {
            Optional<Long> code = FieldTypes.INTEGER.read("status", item, problems);
            if (code.isPresent() && (code.get() < 100 || code.get() > 599)) {
                problems.at(item, "'status': " + code.get() + " is not an HTTP status", "use a number from 100 to 599, e.g. 200");
            } else {
                code.ifPresent(c -> codes.add(c.intValue()));
            }
        }
        return codes.isEmpty() ? Optional.empty() : Optional.of(new Check.StatusIn(codes));
    }

    private List<Check> valueChecks(MapReader value) {
        List<Check> checks = new ArrayList<>();
        Optional<Double> min = synonym(value, "min", "atLeast");
        Optional<Double> max = synonym(value, "max", "atMost");
        Optional<Object> equals = value.optional("equals", FieldTypes.SCALAR);
        value.finish();
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            problems.at(value.node(), "expect.value: min " + min.get() + " is above max " + max.get(), "swap them");
        }
        if (min.isEmpty() && max.isEmpty() && equals.isEmpty() && value.node().entries().isEmpty()) {
            problems.at(value.node(), "expect.value is empty", "give min, max, atLeast, atMost or equals");
        }
        if (min.isPresent() || max.isPresent()) {
            checks.add(new Check.Range(ProbeObservation.VALUE, min, max));
        }
        equals.ifPresent(v -> checks.add(new Check.Equals(ProbeObservation.VALUE, v)));
        return checks;
    }

    private Optional<Double> synonym(MapReader map, String key, String alias) {
        Optional<Double> a = map.number(key);
        Optional<Double> b = map.number(alias);
        if (a.isPresent() && b.isPresent()) {
            problems.at(map.node().get(alias), "'" + alias + "' and '" + key + "' mean the same", "keep one of them");
        }
        return a.or(() -> b);
    }

    private List<Check> jsonPaths(Node node, String what) {
        List<Check> checks = new ArrayList<>();
        List<Node> items = node instanceof Node.ListNode list ? list.items() : List.of(node);
        for (Node item : items) {
            MapReader.of(item, "expect.jsonPath of " + what, problems).flatMap(this::jsonPath).ifPresent(checks::add);
        }
        return checks;
    }

    private Optional<Check> jsonPath(MapReader check) {
        Optional<String> path = check.requiredString("path");
        path.filter(p -> !JsonPaths.isValid(p)).ifPresent(p -> problems.at(check.node().get("path"),
                "'path': unsupported JSON path '" + p + "'", "write $ followed by .name, [index] or ['name'], e.g. $.status or $.checks[0].state"));
        Optional<Object> equals = check.optional("equals", FieldTypes.SCALAR);
        Optional<Pattern> matches = regex(check, "matches");
        Optional<Double> min = check.number("min");
        Optional<Double> max = check.number("max");
        check.finish();
        return path.filter(JsonPaths::isValid).map(p -> new Check.JsonPath(p, equals, matches, min, max));
    }

    private Optional<Pattern> regex(MapReader map, String key) {
        return map.string(key).flatMap(r -> Regexes.compile(key, r, map.node().get(key), problems));
    }
}
