package dev.andon.core.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the resolved document of a file as plain maps, with every secret value replaced by {@code ***}. */
final class Redaction {

    static final String MASK = "***";

    private Redaction() {
    }

    /**
     * The file as resolved (variables substituted), with {@code spec.variables} as written: declarations are
     * never substituted, and a reader of the journal wants to see them.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> document(Node.MapNode resolved, Node.MapNode raw, List<String> secrets) {
        Map<String, Object> document = (Map<String, Object>) resolved.toPlain();
        if (raw.get("spec") instanceof Node.MapNode spec && spec.get("variables") != null
                && document.get("spec") instanceof Map<?, ?> resolvedSpec) {
            Map<String, Object> withDeclarations = new LinkedHashMap<>();
            withDeclarations.put("variables", spec.get("variables").toPlain());
            resolvedSpec.forEach((k, v) -> withDeclarations.put(k.toString(), v));
            document.put("spec", withDeclarations);
        }
        return (Map<String, Object>) redact(document, secrets);
    }

    static Object redact(Object plain, List<String> secrets) {
        if (plain instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k.toString(), redact(v, secrets)));
            return out;
        }
        if (plain instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(redact(v, secrets)));
            return out;
        }
        if (plain instanceof String text) {
            String out = text;
            for (String secret : secrets) {
                if (!secret.isEmpty()) {
                    out = out.replace(secret, MASK);
                }
            }
            return out;
        }
        // A secret that became a number through typed substitution ("${pin}" -> 1234).
        return plain != null && secrets.contains(plain.toString()) ? MASK : plain;
    }
}
