package dev.andon.core.gameday;

/** How a game day ended, with the exit code of {@code andon gameday run}. */
public enum GameDayOutcome {
    /** Every step ran; every experiment held and every checkpoint was answered yes. */
    COMPLETED("completed", 0),
    /** Every step ran, but an experiment deviated or failed, or a checkpoint was answered no. */
    COMPLETED_WITH_FINDINGS("completed-with-findings", 1),
    /** The cord was pulled or an abort criterion failed. */
    HALTED("halted", 3),
    /** Andon could not go on (an experiment could not be loaded or started). */
    FAILED("failed", 4),
    /** SIGINT or SIGTERM: the running experiment rolled back and the game day stopped. */
    INTERRUPTED("interrupted", 130),
    /** Still running: what a journal says when the process died mid-way. */
    RUNNING("running", 130);

    private final String spelling;
    private final int exitCode;

    GameDayOutcome(String spelling, int exitCode) {
        this.spelling = spelling;
        this.exitCode = exitCode;
    }

    public String spelling() {
        return spelling;
    }

    public int exitCode() {
        return exitCode;
    }
}
