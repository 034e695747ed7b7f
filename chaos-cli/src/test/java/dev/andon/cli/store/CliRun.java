package dev.andon.cli.store;

import dev.andon.cli.AndonCli;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AndonCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
