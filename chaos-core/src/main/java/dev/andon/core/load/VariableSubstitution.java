package dev.andon.core.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${name}} and {@code ${name:-default}} in every scalar value of a tree (keys are left
 * alone); {@code $${} writes a literal {@code ${}. Lookup order: {@code --var}, {@code --var-file}, the
 * environment, the inline default, the default declared under {@code spec.variables}.
 *
 * <p>A value that is exactly one reference becomes a number or true/false when what it resolves to reads
 * as one, so {@code port: ${port}} can stand where a whole number is expected.
 */
public final class VariableSubstitution {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_.\\-]*)(?::-([^}]*))?}|\\$\\{");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

    private final Variables variables;
    private final Map<String, VariableDeclaration> declared;
    private final Problems problems;
    private final List<String> lines;
    private final Set<String> secretValues = new LinkedHashSet<>();
    private final Set<String> used = new LinkedHashSet<>();

    /**
     * @param sourceText the file's text, to point at the {@code ${} itself rather than the start of its value
     */
    public VariableSubstitution(Variables variables, Map<String, VariableDeclaration> declared, Problems problems, String sourceText) {
        this.variables = variables;
        this.declared = Map.copyOf(declared);
        this.problems = problems;
        this.lines = sourceText.lines().toList();
    }

    /** Values that came from variables declared secret; to be redacted wherever the file is shown. */
    public List<String> secretValues() {
        return List.copyOf(secretValues);
    }

    /** Names of the variables referenced so far. */
    public Set<String> used() {
        return Set.copyOf(used);
    }

    public Node substitute(Node node) {
        if (node instanceof Node.MapNode map) {
            Map<String, Node.Entry> entries = new LinkedHashMap<>();
            map.entries().forEach((k, e) -> entries.put(k, new Node.Entry(k, e.line(), e.column(), substitute(e.value()))));
            return new Node.MapNode(entries, map.line(), map.column());
        }
        if (node instanceof Node.ListNode list) {
            List<Node> items = new ArrayList<>();
            list.items().forEach(item -> items.add(substitute(item)));
            return new Node.ListNode(items, list.line(), list.column());
        }
        Node.Scalar scalar = (Node.Scalar) node;
        return scalar.value() instanceof String text && text.contains("${") ? substituteText(scalar, text) : scalar;
    }

    private Node substituteText(Node.Scalar scalar, String text) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean failed = false;
        int references = 0;
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            last = m.end();
            if (m.group().equals("$${")) {
                out.append("${");
                continue;
            }
            if (m.group(1) == null) {
                report(scalar, text, m.start(), "'${' without a variable name and a closing '}'",
                        "write ${name} or ${name:-default}; write $${ for a literal ${");
                failed = true;
                continue;
            }
            references++;
            Optional<String> value = resolve(m.group(1), Optional.ofNullable(m.group(2)));
            if (value.isEmpty()) {
                report(scalar, text, m.start(), "undefined variable '" + m.group(1) + "'",
                        "pass --var " + m.group(1) + "=VALUE, set it in a --var-file or the environment, or write ${"
                                + m.group(1) + ":-default}");
                failed = true;
                continue;
            }
            out.append(value.get());
        }
        out.append(text.substring(last));
        if (failed) {
            problems.silence(scalar);
            return scalar;
        }
        String result = out.toString();
        boolean wholeValueIsOneReference = references == 1 && m.reset().find() && m.start() == 0 && m.end() == text.length();
        return new Node.Scalar(wholeValueIsOneReference ? typed(result) : result, scalar.line(), scalar.column());
    }

    private Optional<String> resolve(String name, Optional<String> inlineDefault) {
        used.add(name);
        VariableDeclaration declaration = declared.getOrDefault(name, VariableDeclaration.undeclared(name));
        Optional<String> value = Optional.ofNullable(variables.cli().get(name))
                .or(() -> Optional.ofNullable(variables.files().get(name)))
                .or(() -> Optional.ofNullable(variables.environment().get(name)))
                .or(() -> inlineDefault)
                .or(declaration::defaultValue);
        if (declaration.secret()) {
            value.filter(v -> !v.isEmpty()).ifPresent(secretValues::add);
        }
        return value;
    }

    // Keeps the text when it would not read back the same, so "007" stays a string.
    private static Object typed(String value) {
        if (WHOLE_NUMBER.matcher(value).matches()) {
            return Long.parseLong(value);
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        try {
            double d = Double.parseDouble(value);
            return Double.toString(d).equals(value) ? d : value;
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private void report(Node.Scalar scalar, String text, int offset, String message, String hint) {
        int line = scalar.line();
        int column = scalar.column();
        // Point at the '${' itself when the value sits on one line of the source; fall back to the value.
        if (!text.contains("\n") && line >= 1 && line <= lines.size()) {
            String source = lines.get(line - 1);
            int start = column - 1;
            if (start < source.length() && (source.charAt(start) == '"' || source.charAt(start) == '\'')) {
                start++;
            }
            String reference = text.substring(offset, Math.min(text.length(), offset + 2));
            if (source.startsWith(text.substring(0, offset), start) && source.startsWith(reference, start + offset)) {
                column = start + offset + 1;
            }
        }
        problems.at(line, column, message, hint);
    }
}
