package dev.andon.core.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every {@link Problem} of one file while it is read, so the user sees all of them at once
 * instead of fixing one error per run.
 */
public final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();
    private final java.util.Set<Long> silenced = new java.util.HashSet<>();

    public Problems(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** A problem at a value's position. */
    public void at(Node node, String message, String hint) {
        at(node.line(), node.column(), message, hint);
    }

    /** A problem at a key's position (unknown key, duplicate key). */
    public void at(Node.Entry entry, String message, String hint) {
        at(entry.line(), entry.column(), message, hint);
    }

    public void at(int line, int column, String message, String hint) {
        if (!silenced.contains(position(line, column))) {
            found.add(new Problem(file, line, column, message, hint));
        }
    }

    /**
     * Drops later complaints about a value already reported (an undefined variable left its value
     * unusable; "expected a duration, but was '${wait}'" would only repeat the first problem).
     */
    public void silence(Node node) {
        silenced.add(position(node.line(), node.column()));
    }

    private static long position(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }

    public void addAll(List<Problem> problems) {
        found.addAll(problems);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int size() {
        return found.size();
    }

    /** In file order, so the list reads top to bottom like the file. */
    public List<Problem> list() {
        return found.stream().sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column)).toList();
    }

    public void throwIfAny() throws InvalidFileException {
        throwIfAny(List.of());
    }

    /**
     * Like {@link #throwIfAny()}, with every secret value replaced by {@code ***} in messages and hints:
     * "expected a whole number, but was 's3cret'" must not print a token declared secret.
     */
    public void throwIfAny(Collection<String> secrets) throws InvalidFileException {
        if (!found.isEmpty()) {
            throw new InvalidFileException(list().stream()
                    .map(p -> new Problem(p.file(), p.line(), p.column(), redact(p.message(), secrets), redact(p.hint(), secrets)))
                    .toList());
        }
    }

    private static String redact(String text, Collection<String> secrets) {
        String out = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, "***");
            }
        }
        return out;
    }
}
