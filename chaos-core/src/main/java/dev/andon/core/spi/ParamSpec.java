package dev.andon.core.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One key a part accepts.
 *
 * @param name         the key as written in files
 * @param type         its type
 * @param required     whether it must be present
 * @param defaultValue the value when absent (already of the Java type of {@code type}), or empty
 * @param choices      allowed values for a string, empty for any
 * @param secret       whether the value is redacted in journals and output
 * @param description  one line for documentation and hints
 */
public record ParamSpec(
        String name,
        ParamType type,
        boolean required,
        Optional<Object> defaultValue,
        List<String> choices,
        boolean secret,
        String description) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
    }

    public static ParamSpec required(String name, ParamType type, String description) {
        return new ParamSpec(name, type, true, Optional.empty(), List.of(), false, description);
    }

    public static ParamSpec optional(String name, ParamType type, String description) {
        return new ParamSpec(name, type, false, Optional.empty(), List.of(), false, description);
    }

    public static ParamSpec withDefault(String name, ParamType type, Object defaultValue, String description) {
        return new ParamSpec(name, type, false, Optional.of(defaultValue), List.of(), false, description);
    }

    /** A copy that accepts only the given values (for strings). */
    public ParamSpec oneOf(String... allowed) {
        return new ParamSpec(name, type, required, defaultValue, List.of(allowed), secret, description);
    }

    /** A copy whose value is redacted wherever it is shown or journaled. */
    public ParamSpec asSecret() {
        return new ParamSpec(name, type, required, defaultValue, choices, true, description);
    }
}
