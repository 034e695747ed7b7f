package dev.andon.cli;

import dev.andon.core.load.InvalidFileException;
import dev.andon.core.load.Problem;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Maps every exception to one line on stderr and an exit code; the stack trace only with {@code --verbose}. */
final class UserErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean verbose = isVerbose(parseResult);
        int code;
        if (ex instanceof InvalidFileException invalid) {
            for (Problem p : invalid.problems()) {
                err.println("error: " + p.format());
            }
            code = ExitCodes.INVALID_INPUT;
        } else if (ex instanceof UserError user) {
            err.println("error: " + user.getMessage());
            code = user.exitCode();
        } else {
            err.println("error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage()
                    + (verbose ? "" : " (run with --verbose for details)"));
            code = ExitCodes.FAILED;
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean isVerbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
