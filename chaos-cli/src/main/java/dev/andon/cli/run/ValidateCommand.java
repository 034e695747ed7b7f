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

    @Mixin
    VariableOptions variables;

    @Mixin
    VerboseOption verbose;

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
