package dev.andon.core.engine;

/** How a run ended, with the exit code the CLI returns for it. */
public enum Outcome {
    /** The hypothesis held before, during (if continuous) and after. */
    HELD("held", 0),
    /** The hypothesis broke during or after the method. */
    DEVIATED("deviated", 1),
    /** Stopped on purpose: cord pulled, stop condition, hypothesis not met before, blast radius too large. */
    ABORTED("aborted", 3),
    /** Andon or a provider failed (an action threw, a platform was unreachable). */
    FAILED("failed", 4),
    /** The process was signalled (SIGINT/SIGTERM) or died; rollbacks ran or will run at the next start. */
    INTERRUPTED("interrupted", 130);

    /** Exit code for files and usage that are invalid: nothing was touched. */
    public static final int INVALID_INPUT_EXIT_CODE = 2;

    private final String spelling;
    private final int exitCode;

    Outcome(String spelling, int exitCode) {
        this.spelling = spelling;
        this.exitCode = exitCode;
    }

    public String spelling() {
        return spelling;
    }

    public int exitCode() {
        return exitCode;
    }

    public static Outcome fromSpelling(String s) {
        for (Outcome o : values()) {
            if (o.spelling.equals(s)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown outcome " + s);
    }
}
