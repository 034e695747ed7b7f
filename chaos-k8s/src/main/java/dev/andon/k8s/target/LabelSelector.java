package dev.andon.k8s.target;

import dev.andon.core.spi.Parameters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A label selector in kubectl's syntax ({@code app=shop,tier in (web,api),!legacy,canary}).
 *
 * <p>It is sent to the API server and also evaluated here, because some servers (Fabric8's CRUD mock,
 * some aggregated APIs) ignore set-based requirements and return everything: selection must not depend
 * on the server honouring the selector.
 */
public record LabelSelector(List<Requirement> requirements) {

    private static final String SELECTOR_KEY = "labelSelector";
    private static final String LABELS_KEY = "labels";

    public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    private static final Pattern KEY = Pattern.compile("([a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?/)?[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?");
    private static final Pattern VALUE = Pattern.compile("([a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?)?");

    public LabelSelector {
        requirements = List.copyOf(requirements);
    }

    public enum Operator { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

    /** One term of a selector; {@code values} is empty for EXISTS and DOES_NOT_EXIST. */
    public record Requirement(String key, Operator operator, Set<String> values) {

        public Requirement {
            values = Set.copyOf(values);
        }

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case EQUALS, IN -> value != null && values.contains(value);
                case NOT_EQUALS, NOT_IN -> value == null || !values.contains(value);
                case EXISTS -> value != null;
                case DOES_NOT_EXIST -> value == null;
            };
        }

        String format() {
            return switch (operator) {
                case EQUALS -> key + "=" + values.iterator().next();
                case NOT_EQUALS -> key + "!=" + values.iterator().next();
                case IN -> key + " in (" + String.join(",", values.stream().sorted().toList()) + ")";
                case NOT_IN -> key + " notin (" + String.join(",", values.stream().sorted().toList()) + ")";
                case EXISTS -> key;
                case DOES_NOT_EXIST -> "!" + key;
            };
        }
    }

    /** A part's {@code labelSelector} (kubectl syntax) and {@code labels} (equalities) keys, combined. */
    public static LabelSelector of(Parameters parameters) {
        return parse(parameters.string(SELECTOR_KEY).orElse(null)).and(equalTo(parameters.stringMap(LABELS_KEY)));
    }

    /** The problem with a part's {@code labelSelector}, for {@link dev.andon.core.spi.Part#check}; empty when it parses. */
    public static List<String> problems(Parameters parameters) {
        try {
            parse(parameters.string(SELECTOR_KEY).orElse(null));
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(SELECTOR_KEY + ": " + e.getMessage());
        }
    }

    public static LabelSelector equalTo(Map<String, String> labels) {
        List<Requirement> reqs = new ArrayList<>();
        labels.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> reqs.add(new Requirement(e.getKey(), Operator.EQUALS, Set.of(e.getValue()))));
        return new LabelSelector(reqs);
    }

    /**
     * Parses kubectl's syntax.
     *
     * @throws IllegalArgumentException naming the term that is wrong and what is expected
     */
    public static LabelSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> reqs = new ArrayList<>();
        for (String term : splitTerms(text)) {
            reqs.add(parseTerm(term.trim()));
        }
        return new LabelSelector(reqs);
    }

    public LabelSelector and(LabelSelector other) {
        List<Requirement> all = new ArrayList<>(requirements);
        all.addAll(other.requirements);
        return new LabelSelector(all);
    }

    public boolean matches(Map<String, String> labels) {
        Map<String, String> l = labels == null ? Map.of() : labels;
        return requirements.stream().allMatch(r -> r.matches(l));
    }

    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /** The selector as the API server's {@code labelSelector} query parameter, or null when empty. */
    public String toQuery() {
        return requirements.isEmpty() ? null : String.join(",", requirements.stream().map(Requirement::format).toList());
    }

    @Override
    public String toString() {
        return requirements.isEmpty() ? "(everything)" : toQuery();
    }

    private static List<String> splitTerms(String text) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                terms.add(text.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(text.substring(start));
        return terms;
    }

    private static Requirement parseTerm(String term) {
        if (term.isEmpty()) {
            throw new IllegalArgumentException("empty term in label selector (remove the extra comma)");
        }
        if (term.startsWith("!")) {
            return new Requirement(key(term.substring(1).trim(), term), Operator.DOES_NOT_EXIST, Set.of());
        }
        String[] words = term.split("\\s+", 2);
        if (words.length == 2 && (words[1].startsWith("in ") || words[1].startsWith("in(")
                || words[1].startsWith("notin ") || words[1].startsWith("notin("))) {
            boolean in = words[1].startsWith("in");
            String rest = words[1].substring(in ? 2 : 5).trim();
            if (!rest.startsWith("(") || !rest.endsWith(")")) {
                throw new IllegalArgumentException("'" + term + "': expected a value list in parentheses, e.g. 'tier in (web,api)'");
            }
            Set<String> values = new LinkedHashSet<>();
            for (String v : rest.substring(1, rest.length() - 1).split(",")) {
                values.add(value(v.trim(), term));
            }
            return new Requirement(key(words[0], term), in ? Operator.IN : Operator.NOT_IN, values);
        }
        int neq = term.indexOf("!=");
        if (neq > 0) {
            return new Requirement(key(term.substring(0, neq).trim(), term), Operator.NOT_EQUALS, Set.of(value(term.substring(neq + 2).trim(), term)));
        }
        int eq = term.indexOf("==");
        int width = 2;
        if (eq < 0) {
            eq = term.indexOf('=');
            width = 1;
        }
        if (eq > 0) {
            return new Requirement(key(term.substring(0, eq).trim(), term), Operator.EQUALS, Set.of(value(term.substring(eq + width).trim(), term)));
        }
        return new Requirement(key(term, term), Operator.EXISTS, Set.of());
    }

    private static String key(String key, String term) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("'" + term + "': '" + key + "' is not a valid label key (expected e.g. app or app.kubernetes.io/name)");
        }
        return key;
    }

    private static String value(String value, String term) {
        if (!VALUE.matcher(value).matches() || value.length() > 63) {
            throw new IllegalArgumentException("'" + term + "': '" + value + "' is not a valid label value (letters, digits, '-', '_', '.', at most 63)");
        }
        return value;
    }
}
