package dev.andon.cli.options;

import picocli.CommandLine.Option;

/** {@code --verbose}: stack traces with errors (read by the error handler). */
public final class VerboseOption {

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
    boolean verbose;
}
