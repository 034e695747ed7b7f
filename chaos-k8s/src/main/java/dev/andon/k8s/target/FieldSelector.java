package dev.andon.k8s.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A field selector ({@code spec.nodeName=node-1,status.phase!=Failed}): sent to the API server and
 * re-checked here for the fields Andon knows, since not every server (the CRUD mock among them) honours it.
 */
public record FieldSelector(List<Term> terms) {

    public static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    public FieldSelector {
        terms = List.copyOf(terms);
    }

    /** {@code field=value} or {@code field!=value}. */
    public record Term(String field, boolean equal, String value) {
        String format() {
            return field + (equal ? "=" : "!=") + value;
        }
    }

    public static FieldSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Term> terms = new ArrayList<>();
        for (String raw : text.split(",")) {
            String term = raw.trim();
            int neq = term.indexOf("!=");
            int eq = term.indexOf("==");
            if (neq > 0) {
                terms.add(new Term(term.substring(0, neq).trim(), false, term.substring(neq + 2).trim()));
            } else if (eq > 0) {
                terms.add(new Term(term.substring(0, eq).trim(), true, term.substring(eq + 2).trim()));
            } else if (term.indexOf('=') > 0) {
                int i = term.indexOf('=');
                terms.add(new Term(term.substring(0, i).trim(), true, term.substring(i + 1).trim()));
            } else {
                throw new IllegalArgumentException("'" + term + "' is not a field requirement; write field=value or field!=value, e.g. spec.nodeName=node-1");
            }
        }
        return new FieldSelector(terms);
    }

    /**
     * Whether the object's known fields satisfy every term; a field the caller does not know is left to
     * the server (real API servers reject unsupported fields with an error).
     */
    public boolean matches(Map<String, String> knownFields) {
        for (Term t : terms) {
            if (!knownFields.containsKey(t.field())) {
                continue;
            }
            boolean same = t.value().equals(knownFields.get(t.field()));
            if (same != t.equal()) {
                return false;
            }
        }
        return true;
    }

    public String toQuery() {
        return terms.isEmpty() ? null : String.join(",", terms.stream().map(Term::format).toList());
    }
}
