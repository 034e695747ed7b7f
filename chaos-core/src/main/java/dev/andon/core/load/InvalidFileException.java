package dev.andon.core.load;

import java.util.List;

/** A file that cannot be used, with every problem found in it (not just the first). Nothing was touched. */
public class InvalidFileException extends Exception {

    private final List<Problem> problems;

    public InvalidFileException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid file" : problems.get(0).format()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
