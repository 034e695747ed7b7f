package dev.andon.core.spi;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validated parameters of a part: every key was declared by a {@link ParamSpec}, every value has the
 * Java type of its {@link ParamType}, defaults are filled in. Getters therefore never parse.
 */
public final class Parameters {

    private static final Parameters EMPTY = new Parameters(Map.of());

    private final Map<String, Object> values;

    private Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Values that are already converted; the loader and tests use this. */
    public static Parameters of(Map<String, ?> converted) {
        return new Parameters(new LinkedHashMap<>(converted));
    }

    public static Parameters empty() {
        return EMPTY;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable((String) values.get(name));
    }

    public String requireString(String name) {
        return string(name).orElseThrow(() -> missing(name));
    }

    public Optional<Long> integer(String name) {
        return Optional.ofNullable((Long) values.get(name));
    }

    public Optional<Double> number(String name) {
        Object v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(((Number) v).doubleValue());
    }

    public Optional<Boolean> bool(String name) {
        return Optional.ofNullable((Boolean) values.get(name));
    }

    public boolean flag(String name) {
        return bool(name).orElse(false);
    }

    public Optional<Duration> duration(String name) {
        return Optional.ofNullable((Duration) values.get(name));
    }

    @SuppressWarnings("unchecked")
    public List<String> stringList(String name) {
        Object v = values.get(name);
        return v == null ? List.of() : (List<String>) v;
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> stringMap(String name) {
        Object v = values.get(name);
        return v == null ? Map.of() : (Map<String, String>) v;
    }

    public Optional<Object> any(String name) {
        return Optional.ofNullable(values.get(name));
    }

    private static IllegalStateException missing(String name) {
        return new IllegalStateException("parameter '" + name + "' is required but absent (the loader should have rejected the file)");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
