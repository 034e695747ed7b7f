package dev.andon.core.spi;

import dev.andon.core.model.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns raw values (from a journal, a command-line override, a compensation) into {@link Parameters}
 * of a part. Files go through the loader instead, which reports problems with positions; this binding
 * is for data Andon wrote itself or one-line overrides, and fails with one sentence.
 */
public final class ParameterBinding {

    private ParameterBinding() {
    }

    /**
     * Binds raw values to the specs: unknown keys and missing required keys are rejected, values
     * converted, defaults filled in.
     *
     * @throws IllegalArgumentException naming the key and what was wrong
     */
    public static Parameters bind(String partName, List<ParamSpec> specs, Map<String, ?> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key)) {
                throw new IllegalArgumentException(partName + ": unknown parameter '" + key + "' (known: " + byName.keySet() + ")");
            }
        }
        for (ParamSpec spec : specs) {
            Object value = raw.get(spec.name());
            if (value == null) {
                if (spec.defaultValue().isPresent()) {
                    out.put(spec.name(), spec.defaultValue().get());
                } else if (spec.required()) {
                    throw new IllegalArgumentException(partName + ": parameter '" + spec.name() + "' is required");
                }
                continue;
            }
            Object converted = convert(spec.type(), value);
            if (converted == null) {
                throw new IllegalArgumentException(partName + ": parameter '" + spec.name() + "' must be " + describe(spec.type()) + ", but was '" + value + "'");
            }
            if (!spec.choices().isEmpty() && !spec.choices().contains(converted.toString())) {
                throw new IllegalArgumentException(partName + ": parameter '" + spec.name() + "' must be one of " + spec.choices() + ", but was '" + value + "'");
            }
            out.put(spec.name(), converted);
        }
        return Parameters.of(out);
    }

    /** The value in the Java type of {@code type}, or null when it cannot be converted. */
    public static Object convert(ParamType type, Object value) {
        return switch (type) {
            case STRING -> value instanceof Map || value instanceof List ? null : value.toString();
            case INTEGER -> toLong(value);
            case NUMBER -> toDouble(value);
            case BOOLEAN -> value instanceof Boolean b ? b
                    : "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
            case DURATION -> value instanceof Duration d ? d : Durations.parse(value.toString()).orElse(null);
            case STRING_LIST -> toStringList(value);
            case STRING_MAP -> toStringMap(value);
            case ANY -> value;
        };
    }

    public static String describe(ParamType type) {
        return switch (type) {
            case STRING -> "a string";
            case INTEGER -> "a whole number";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case DURATION -> "a duration like 500ms, 5s, 2m";
            case STRING_LIST -> "a list of strings";
            case STRING_MAP -> "a map of strings";
            case ANY -> "a value";
        };
    }

    private static Long toLong(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof String s && s.trim().matches("-?\\d+")) {
            return Long.parseLong(s.trim());
        }
        return null;
    }

    private static Double toDouble(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> toStringList(Object value) {
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (o == null || o instanceof Map || o instanceof List) {
                    return null;
                }
                out.add(o.toString());
            }
            return List.copyOf(out);
        }
        if (value instanceof Map) {
            return null;
        }
        return List.of(value.toString());
    }

    private static Map<String, String> toStringMap(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (e.getValue() == null || e.getValue() instanceof Map || e.getValue() instanceof List) {
                return null;
            }
            out.put(e.getKey().toString(), e.getValue().toString());
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
