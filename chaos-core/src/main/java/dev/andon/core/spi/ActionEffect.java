package dev.andon.core.spi;

import java.util.Map;

/**
 * What an action did, for the terminal and the journal.
 *
 * @param summary one line, e.g. "sent KILL to 4242 (fleet-replica 2)"
 * @param details facts worth keeping (signal, grace period, previous replica count)
 */
public record ActionEffect(String summary, Map<String, Object> details) {

    public ActionEffect {
        details = Map.copyOf(details == null ? Map.of() : details);
    }

    public static ActionEffect of(String summary) {
        return new ActionEffect(summary, Map.of());
    }
}
