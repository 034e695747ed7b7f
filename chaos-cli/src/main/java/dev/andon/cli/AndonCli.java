package dev.andon.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the command line and runs it with the given streams, so tests capture output and exit codes. */
public final class AndonCli {

    /** Subcommand classes by the name users type. */
    private static final Map<String, Class<?>> BY_NAME = byName();
    /** Subcommands that need every other one: help lists them, completion describes them. */
    private static final Set<String> NEED_ALL = Set.of("help", "completion");

    private AndonCli() {
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err, args).execute(args);
    }

    /**
     * The command line for these arguments: the root with only the subcommand they name, or with all of
     * them when they name none, a help or completion command, or a word that is no command (so the
     * "did you mean" suggestions see every name).
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new AndonCommand());
        String first = args.length == 0 ? "" : args[0];
        if (BY_NAME.containsKey(first) && !NEED_ALL.contains(first)) {
            cli.addSubcommand(first, BY_NAME.get(first));
        } else {
            BY_NAME.forEach(cli::addSubcommand);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        cli.setParameterExceptionHandler(new UsageErrorHandler());
        return cli;
    }

    private static Map<String, Class<?>> byName() {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        for (Class<?> c : AndonCommand.SUBCOMMANDS) {
            out.put(c.getAnnotation(Command.class).name(), c);
        }
        return out;
    }
}
