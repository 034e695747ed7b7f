package dev.andon.cli.run;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.options.VariableOptions;
import dev.andon.cli.options.VerboseOption;
import dev.andon.core.load.InvalidFileException;
import dev.andon.core.load.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check files (experiments, schedules, game days) without touching anything. Prints every problem of every file; exit 2 if any.")
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check.")
    List<Path> files;

    @Option(names = "--require-vars", description = "Treat variables without a value (no --var, environment or default) as errors. "
            + "By default such a file is valid: its values are given at run time.")
    boolean requireVars;

    @Mixin
    VariableOptions variables;

    @Mixin
    VerboseOption verbose;

    /** For each problem, the variable it says has no value, or nothing when it is another kind of problem. */
    private static List<String> unsetVariables(List<Problem> problems) {
        return problems.stream()
                .map(p -> UNSET.matcher(p.message()))
                .filter(java.util.regex.Matcher::lookingAt)
                .map(m -> m.group(1))
                .toList();
    }

    /** An unset variable's own problem, or a check that failed on its unresolved {@code ${name}}. */
    private static boolean causedByUnset(Problem problem, List<String> unset) {
        return UNSET.matcher(problem.message()).lookingAt()
                || unset.stream().anyMatch(v -> problem.message().contains("${" + v) || problem.hint().contains("${" + v));
    }

    private static final java.util.regex.Pattern UNSET = java.util.regex.Pattern.compile("undefined variable '([^']+)'");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FileKinds kinds = FileKinds.installed();
        int invalid = 0;
        for (Path file : files) {
            try {
                out.println("ok  " + file + ": " + kinds.validate(file, variables.variables()));
            } catch (InvalidFileException e) {
                List<String> unset = unsetVariables(e.problems());
                if (!requireVars && !unset.isEmpty() && e.problems().stream().allMatch(p -> causedByUnset(p, unset))) {
                    out.println("ok  " + file + ": valid; give at run time: "
                            + unset.stream().distinct().map(v -> "--var " + v + "=…").collect(java.util.stream.Collectors.joining(" ")));
                    continue;
                }
                invalid++;
                for (Problem p : e.problems()) {
                    err.println("error: " + p.format());
                }
            }
        }
        out.flush();
        err.flush();
        if (files.size() > 1) {
            out.println((files.size() - invalid) + " valid, " + invalid + " invalid");
        }
        return invalid == 0 ? ExitCodes.HELD : ExitCodes.INVALID_INPUT;
    }
}
