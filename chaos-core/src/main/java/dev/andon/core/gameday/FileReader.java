package dev.andon.core.gameday;

import dev.andon.core.load.Node;
import dev.andon.core.load.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Strict reading of a game-day file's nodes: every problem is collected with its position, unknown keys get
 * a "did you mean".
 */
final class FileReader {

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    FileReader(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    List<Problem> problems() {
        return problems;
    }

    void problem(Node at, String message, String hint) {
        problems.add(new Problem(file, at == null ? 0 : at.line(), at == null ? 0 : at.column(), message, hint));
    }

    Optional<Node.MapNode> map(Node node, String what) {
        if (node instanceof Node.MapNode m) {
            return Optional.of(m);
        }
        if (node != null) {
            problem(node, what + " must be a map, but is " + node.kind(), "");
        }
        return Optional.empty();
    }

    /** Reports keys not in {@code allowed}, with the closest allowed key as a hint. */
    void onlyKeys(Node.MapNode map, String where, Collection<String> allowed) {
        for (Node.Entry e : map.entries().values()) {
            if (!allowed.contains(e.key())) {
                String closest = closest(e.key(), allowed);
                problems.add(new Problem(file, e.line(), e.column(), "unknown key '" + e.key() + "' in " + where,
                        closest == null ? "allowed: " + String.join(", ", allowed) : "did you mean '" + closest + "'?"));
            }
        }
    }

    Optional<String> string(Node.MapNode map, String key, boolean required, Node.MapNode parentForMissing, String where) {
        Node n = map.get(key);
        if (n == null) {
            if (required) {
                problem(parentForMissing, "missing '" + key + "' in " + where, "add '" + key + ": ...'");
            }
            return Optional.empty();
        }
        return text(n, key);
    }

    Optional<String> text(Node n, String what) {
        if (n instanceof Node.Scalar s && s.value() != null && !(s.value() instanceof Boolean)) {
            return Optional.of(s.text());
        }
        if (n instanceof Node.Scalar s && s.value() instanceof Boolean) {
            problem(n, what + " must be text, but is true/false", "quote it: \"" + s.value() + "\"");
            return Optional.empty();
        }
        problem(n, what + " must be text, but is " + n.kind(), "");
        return Optional.empty();
    }

    /** A list of texts; a single text is accepted as a list of one. */
    List<String> texts(Node n, String what) {
        if (n == null) {
            return List.of();
        }
        if (n instanceof Node.ListNode l) {
            List<String> out = new ArrayList<>();
            for (Node item : l.items()) {
                text(item, "each entry of " + what).ifPresent(out::add);
            }
            return out;
        }
        return text(n, what).map(List::of).orElse(List.of());
    }

    Map<String, String> stringMap(Node n, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        map(n, what).ifPresent(m -> m.entries().values().forEach(e -> {
            if (e.value() instanceof Node.Scalar s && s.value() != null) {
                out.put(e.key(), s.text());
            } else {
                problem(e.value(), what + "." + e.key() + " must be a text or a number, but is " + e.value().kind(), "");
            }
        }));
        return out;
    }

    static String closest(String key, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(key, c);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best != null && bestDistance <= Math.max(2, best.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static Set<String> keys(String... keys) {
        return new java.util.LinkedHashSet<>(List.of(keys));
    }
}
