package dev.andon.core.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML or JSON value that remembers where it was written, so every problem can name line and column.
 * Produced by {@link SourceParser}; the loaders of every file kind read it.
 */
public sealed interface Node {

    /** 1-based line of the value's first character. */
    int line();

    /** 1-based column of the value's first character. */
    int column();

    /** The value as plain Java (maps, lists, strings, numbers, booleans, null), for journals and schemas. */
    Object toPlain();

    /** A word for error messages: "a map", "a list", "a string", "a number", "true/false", "null". */
    String kind();

    /** A mapping; keys in file order, each with its own position. */
    record MapNode(Map<String, Entry> entries, int line, int column) implements Node {

        public MapNode {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public Object toPlain() {
            Map<String, Object> out = new LinkedHashMap<>();
            entries.forEach((k, v) -> out.put(k, v.value().toPlain()));
            return out;
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    /** A key of a mapping with its own position (for "unknown key" errors) and its value. */
    record Entry(String key, int line, int column, Node value) {
    }

    record ListNode(List<Node> items, int line, int column) implements Node {

        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public Object toPlain() {
            return items.stream().map(Node::toPlain).toList();
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar: {@link String}, {@link Long}, {@link Double}, {@link Boolean}, or {@code null}.
     * YAML strings are kept as written (quoted or not), numbers as numbers.
     */
    record Scalar(Object value, int line, int column) implements Node {

        @Override
        public Object toPlain() {
            return value;
        }

        public String text() {
            return value == null ? "" : value.toString();
        }

        @Override
        public String kind() {
            if (value == null) {
                return "null";
            }
            if (value instanceof String) {
                return "a string";
            }
            if (value instanceof Boolean) {
                return "true/false";
            }
            return "a number";
        }
    }
}
