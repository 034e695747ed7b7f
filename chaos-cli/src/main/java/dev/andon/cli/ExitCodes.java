package dev.andon.cli;

import dev.andon.core.engine.Outcome;

/** Every exit code of {@code andon}, in one place (README, "Exit codes"). */
public final class ExitCodes {

    public static final int HELD = Outcome.HELD.exitCode();
    public static final int DEVIATED = Outcome.DEVIATED.exitCode();
    /** Invalid file, variable or usage: nothing was touched. */
    public static final int INVALID_INPUT = Outcome.INVALID_INPUT_EXIT_CODE;
    public static final int ABORTED = Outcome.ABORTED.exitCode();
    public static final int FAILED = Outcome.FAILED.exitCode();
    /** The platform refused or could not be reached before anything was touched (kubeconfig, credentials, permissions). */
    public static final int PLATFORM_ERROR = 5;
    public static final int INTERRUPTED = Outcome.INTERRUPTED.exitCode();

    private ExitCodes() {
    }
}
