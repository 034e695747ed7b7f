package dev.andon.cli.options;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import dev.andon.core.load.InvalidFileException;
import dev.andon.core.load.VarFiles;
import dev.andon.core.load.Variables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --var k=v} and {@code --var-file F}: values for {@code ${name}} in files. */
public final class VariableOptions {

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "Value of a variable used as ${NAME} in the file (repeatable).")
    List<String> vars = new ArrayList<>();

    @Option(names = "--var-file", paramLabel = "FILE", description = "YAML/JSON map or NAME=VALUE lines of variables (repeatable; later files win).")
    List<Path> varFiles = new ArrayList<>();

    public Variables variables() throws InvalidFileException {
        Map<String, String> cli = new LinkedHashMap<>();
        for (String v : vars) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new UserError(ExitCodes.INVALID_INPUT, "--var " + v + ": expected NAME=VALUE, e.g. --var port=8080");
            }
            cli.put(v.substring(0, eq), v.substring(eq + 1));
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (Path f : varFiles) {
            files.putAll(VarFiles.read(f));
        }
        return new Variables(cli, files, System.getenv());
    }
}
