package dev.andon.core.load;

import dev.andon.core.model.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** The value types files are made of. Each reports "expected X, but was Y" at the value's position. */
public final class FieldTypes {

    private FieldTypes() {
    }

    /** Text; numbers and true/false written where text is expected are kept as they read ({@code tag: 42}). */
    public static final FieldType<String> STRING = scalar("a string", (node, problems) -> {
        Object v = node.value();
        return v == null ? null : v.toString();
    });

    public static final FieldType<Long> INTEGER = scalar("a whole number", (node, problems) -> {
        if (node.value() instanceof Long l) {
            return l;
        }
        if (node.value() instanceof Double d && d == Math.floor(d) && !d.isInfinite()) {
            return d.longValue();
        }
        return null;
    });

    public static final FieldType<Double> NUMBER = scalar("a number", (node, problems) ->
            node.value() instanceof Number n ? n.doubleValue() : null);

    public static final FieldType<Boolean> BOOLEAN = scalar("true or false", (node, problems) ->
            node.value() instanceof Boolean b ? b : null);

    public static final FieldType<Duration> DURATION = new FieldType<>() {
        @Override
        public String expected() {
            return "a duration like 5s";
        }

        @Override
        public Optional<Duration> read(String key, Node node, Problems problems) {
            if (node instanceof Node.Scalar s && s.value() instanceof String text) {
                Optional<Duration> d = Durations.parse(text);
                if (d.isEmpty()) {
                    problems.at(node, "'" + key + "': expected " + expected() + ", but was '" + text + "'",
                            "write a whole number and a unit (ms, s, m, h, d): 250ms, 5s, 1m30s");
                }
                return d;
            }
            if (node instanceof Node.Scalar s && s.value() instanceof Number n) {
                problems.at(node, "'" + key + "': expected " + expected() + ", but was the number " + s.text(),
                        "add a unit: " + n.longValue() + "s or " + n.longValue() + "ms");
                return Optional.empty();
            }
            return wrong(this, key, node, problems);
        }
    };

    /** A list of texts; a single text is read as a list of one. */
    public static final FieldType<List<String>> STRING_LIST = new FieldType<>() {
        @Override
        public String expected() {
            return "a list of strings";
        }

        @Override
        public Optional<List<String>> read(String key, Node node, Problems problems) {
            if (node instanceof Node.Scalar s && s.value() != null) {
                return STRING.read(key, node, problems).map(List::of);
            }
            if (!(node instanceof Node.ListNode list)) {
                return wrong(this, key, node, problems);
            }
            List<String> out = new ArrayList<>();
            boolean ok = true;
            for (Node item : list.items()) {
                Optional<String> text = item instanceof Node.Scalar s && s.value() != null
                        ? STRING.read(key, item, problems)
                        : wrong(STRING, key + "[" + out.size() + "]", item, problems);
                text.ifPresent(out::add);
                ok &= text.isPresent();
            }
            return ok ? Optional.of(List.copyOf(out)) : Optional.empty();
        }
    };

    /** A map of texts ({@code labels: {app: shop}}), in file order. */
    public static final FieldType<Map<String, String>> STRING_MAP = new FieldType<>() {
        @Override
        public String expected() {
            return "a map of strings";
        }

        @Override
        public Optional<Map<String, String>> read(String key, Node node, Problems problems) {
            if (!(node instanceof Node.MapNode map)) {
                return wrong(this, key, node, problems);
            }
            Map<String, String> out = new LinkedHashMap<>();
            boolean ok = true;
            for (Node.Entry e : map.entries().values()) {
                Optional<String> text = e.value() instanceof Node.Scalar s && s.value() != null
                        ? STRING.read(key + "." + e.key(), e.value(), problems)
                        : wrong(STRING, key + "." + e.key(), e.value(), problems);
                text.ifPresent(t -> out.put(e.key(), t));
                ok &= text.isPresent();
            }
            return ok ? Optional.of(java.util.Collections.unmodifiableMap(out)) : Optional.empty();
        }
    };

    /** A string, number or true/false, as its Java value ({@code equals: UP}, {@code equals: 3}). */
    public static final FieldType<Object> SCALAR = scalar("a string, number or true/false", (node, problems) -> node.value());

    public static final FieldType<Node.MapNode> MAP = new FieldType<>() {
        @Override
        public String expected() {
            return "a map";
        }

        @Override
        public Optional<Node.MapNode> read(String key, Node node, Problems problems) {
            return node instanceof Node.MapNode m ? Optional.of(m) : wrong(this, key, node, problems);
        }
    };

    public static final FieldType<Node.ListNode> LIST = new FieldType<>() {
        @Override
        public String expected() {
            return "a list";
        }

        @Override
        public Optional<Node.ListNode> read(String key, Node node, Problems problems) {
            return node instanceof Node.ListNode l ? Optional.of(l) : wrong(this, key, node, problems);
        }
    };

    /** Any value, as written; the reader checks it itself. */
    public static final FieldType<Node> ANY = new FieldType<>() {
        @Override
        public String expected() {
            return "a value";
        }

        @Override
        public Optional<Node> read(String key, Node node, Problems problems) {
            return Optional.of(node);
        }
    };

    /** Reports "'key': expected X, but was Y" at the node and returns empty. */
    public static <T> Optional<T> wrong(FieldType<?> type, String key, Node node, Problems problems) {
        problems.at(node, "'" + key + "': expected " + type.expected() + ", but was " + describe(node), "");
        return Optional.empty();
    }

    /** How a value reads in a message: {@code a list}, {@code a map}, {@code 'five'}, {@code the number 5}. */
    public static String describe(Node node) {
        if (node instanceof Node.Scalar s) {
            if (s.value() == null) {
                return "empty";
            }
            if (s.value() instanceof String text) {
                return "'" + text + "'";
            }
            if (s.value() instanceof Boolean b) {
                return b.toString();
            }
            return "the number " + s.text();
        }
        return node.kind();
    }

    private static <T> FieldType<T> scalar(String expected, BiFunction<Node.Scalar, Problems, T> convert) {
        return new FieldType<>() {
            @Override
            public String expected() {
                return expected;
            }

            @Override
            public Optional<T> read(String key, Node node, Problems problems) {
                if (node instanceof Node.Scalar s && s.value() != null) {
                    T value = convert.apply(s, problems);
                    if (value != null) {
                        return Optional.of(value);
                    }
                }
                return wrong(this, key, node, problems);
            }
        };
    }
}
