package dev.andon.core.load;

/**
 * One thing wrong with a file, where it is, and what to do about it.
 *
 * @param file    the file as the user named it
 * @param line    1-based line, 0 when unknown
 * @param column  1-based column, 0 when unknown
 * @param message what is wrong: "unknown key 'selecter'"
 * @param hint    what to change: "did you mean 'selector'?"; empty when there is nothing to add
 */
public record Problem(String file, int line, int column, String message, String hint) {

    public Problem {
        hint = hint == null ? "" : hint;
    }

    /** {@code file:line:column: message (hint)}, the one line users see. */
    public String format() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return where + ": " + message + (hint.isEmpty() ? "" : " (" + hint + ")");
    }

    @Override
    public String toString() {
        return format();
    }
}
