package dev.andon.core.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Strict reading of one map of a file. Every key asked for becomes an allowed key; {@link #finish()} then
 * reports every other key as unknown, at the key's own position, with a "did you mean" hint.
 *
 * <pre>{@code
 * MapReader target = MapReader.of(node, "target set 'replicas'", problems).orElseThrow();
 * String provider = target.requiredString("provider").orElse(null);
 * Optional<Duration> timeout = target.duration("timeout");
 * target.finish();
 * }</pre>
 */
public final class MapReader {

    private final Node.MapNode map;
    private final String what;
    private final Problems problems;
    private final Set<String> allowed = new LinkedHashSet<>();

    public MapReader(Node.MapNode map, String what, Problems problems) {
        this.map = map;
        this.what = what;
        this.problems = problems;
    }

    /**
     * A reader over {@code node}, or empty after reporting "expected a map" when it is something else.
     *
     * @param what how the map is named in messages: {@code metadata}, {@code target set 'replicas'}
     */
    public static Optional<MapReader> of(Node node, String what, Problems problems) {
        if (node instanceof Node.MapNode m) {
            return Optional.of(new MapReader(m, what, problems));
        }
        problems.at(node, what + ": expected a map, but was " + FieldTypes.describe(node), "");
        return Optional.empty();
    }

    public Node.MapNode node() {
        return map;
    }

    public String what() {
        return what;
    }

    public Problems problems() {
        return problems;
    }

    /** Declares keys read elsewhere (for example by {@link ParameterReader}) so they are not reported as unknown. */
    public MapReader allow(String... keys) {
        allowed.addAll(List.of(keys));
        return this;
    }

    public MapReader allow(Collection<String> keys) {
        allowed.addAll(keys);
        return this;
    }

    /** Whether the key is present; declares it allowed. */
    public boolean has(String key) {
        allowed.add(key);
        return map.entries().containsKey(key);
    }

    /** The key's entry (its own position and its value); declares it allowed. */
    public Optional<Node.Entry> entry(String key) {
        allowed.add(key);
        return Optional.ofNullable(map.entries().get(key));
    }

    public <T> Optional<T> optional(String key, FieldType<T> type) {
        return entry(key).flatMap(e -> type.read(key, e.value(), problems));
    }

    /** Like {@link #optional} but reports "missing required key" at the map's position when absent. */
    public <T> Optional<T> required(String key, FieldType<T> type) {
        if (!has(key)) {
            problems.at(map, "missing required key '" + key + "' in " + what, "add '" + key + ":' here");
            return Optional.empty();
        }
        return optional(key, type);
    }

    public Optional<String> string(String key) {
        return optional(key, FieldTypes.STRING);
    }

    public Optional<String> requiredString(String key) {
        return required(key, FieldTypes.STRING);
    }

    public Optional<Long> integer(String key) {
        return optional(key, FieldTypes.INTEGER);
    }

    public Optional<Double> number(String key) {
        return optional(key, FieldTypes.NUMBER);
    }

    public Optional<Boolean> bool(String key) {
        return optional(key, FieldTypes.BOOLEAN);
    }

    public Optional<Duration> duration(String key) {
        return optional(key, FieldTypes.DURATION);
    }

    public List<String> stringList(String key) {
        return optional(key, FieldTypes.STRING_LIST).orElse(List.of());
    }

    public Map<String, String> stringMap(String key) {
        return optional(key, FieldTypes.STRING_MAP).orElse(Map.of());
    }

    /** A nested map as its own reader (the caller finishes it); {@code what} names it in messages. */
    public Optional<MapReader> map(String key, String what) {
        return optional(key, FieldTypes.MAP).map(m -> new MapReader(m, what, problems));
    }

    public Optional<Node.ListNode> list(String key) {
        return optional(key, FieldTypes.LIST);
    }

    /** Keys present in the file that nobody asked for. */
    public List<Node.Entry> unknownEntries() {
        List<Node.Entry> unknown = new ArrayList<>();
        for (Node.Entry e : map.entries().values()) {
            if (!allowed.contains(e.key())) {
                unknown.add(e);
            }
        }
        return unknown;
    }

    /** Reports every key nobody asked for, at the key's position, with the closest allowed key as a hint. */
    public void finish() {
        for (Node.Entry e : unknownEntries()) {
            problems.at(e, "unknown key '" + e.key() + "' in " + what, DidYouMean.hint(e.key(), allowed, "keys"));
        }
    }
}
