package dev.andon.cli;

import java.io.PrintWriter;

/** The {@code andon} command's entry point: it only runs the CLI and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = AndonCli.run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
