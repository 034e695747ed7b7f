package dev.andon.core.spi;

import java.util.Map;
import java.util.Optional;

/**
 * How to undo a fault, as data: another registered action, its target and parameters.
 *
 * <p>Being data rather than a closure, it is journaled and stored before the fault is injected, and can
 * be executed by a later process after a crash.
 *
 * @param action      the name of the action that undoes, e.g. {@code process.signal} with {@code CONT}
 * @param target      the target it applies to
 * @param parameters  raw parameters for that action (strings, numbers, booleans, lists, maps)
 * @param description one line for people: "resume 4242 with CONT"
 */
public record Compensation(String action, Optional<Target> target, Map<String, Object> parameters, String description) {

    public Compensation {
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
    }
}
