package dev.andon.core.gameday;

import dev.andon.core.load.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${name}} and {@code ${name:-default}} in every text of a node tree, keeping positions. */
final class Substitution {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)(?::-([^}]*))?}");

    private final Function<String, Optional<String>> lookup;
    private final FileReader reader;

    Substitution(Function<String, Optional<String>> lookup, FileReader reader) {
        this.lookup = lookup;
        this.reader = reader;
    }

    Node apply(Node node) {
        if (node instanceof Node.MapNode m) {
            Map<String, Node.Entry> entries = new LinkedHashMap<>();
            m.entries().forEach((k, e) -> entries.put(k, new Node.Entry(k, e.line(), e.column(), apply(e.value()))));
            return new Node.MapNode(entries, m.line(), m.column());
        }
        if (node instanceof Node.ListNode l) {
            List<Node> items = new ArrayList<>();
            l.items().forEach(i -> items.add(apply(i)));
            return new Node.ListNode(items, l.line(), l.column());
        }
        Node.Scalar s = (Node.Scalar) node;
        if (!(s.value() instanceof String text) || !text.contains("${")) {
            return s;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            Optional<String> value = lookup.apply(name).or(() -> Optional.ofNullable(m.group(2)));
            if (value.isEmpty()) {
                reader.problem(s, "variable '" + name + "' is not set",
                        "pass --var " + name + "=..., set it under spec.variables, or write ${" + name + ":-default}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.orElse("")));
        }
        m.appendTail(out);
        return new Node.Scalar(out.toString(), s.line(), s.column());
    }
}
