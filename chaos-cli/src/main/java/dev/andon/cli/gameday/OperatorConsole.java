package dev.andon.cli.gameday;

import dev.andon.core.gameday.Answer;
import dev.andon.core.gameday.OperatorControls;
import dev.andon.core.gameday.QueuedAnswers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the operator's commands on its own thread while the game day runs: {@code n <text>} adds a note,
 * {@code s} skips the step, {@code h [reason]} pulls the cord, {@code yes|no [note]} answers a checkpoint.
 */
final class OperatorConsole implements AutoCloseable {

    private final BufferedReader in;
    private final PrintWriter out;
    private final OperatorControls controls;
    private final Optional<QueuedAnswers> answers;
    private final Thread thread;

    /** @param answers where typed answers go; empty when answers come from {@code --yes} or a file */
    OperatorConsole(InputStream input, PrintWriter out, OperatorControls controls, Optional<QueuedAnswers> answers) {
        this.in = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        this.out = out;
        this.controls = controls;
        this.answers = answers;
        this.thread = new Thread(this::readLines, "andon-gameday-console");
        thread.setDaemon(true);
    }

    OperatorConsole start() {
        thread.start();
        return this;
    }

    private void readLines() {
        try {
            for (String line; (line = in.readLine()) != null; ) {
                handle(line.strip());
            }
        } catch (IOException e) {
            say("the terminal input closed (" + e.getMessage() + "); notes, skip and halt are no longer available here");
        }
    }

    void handle(String line) {
        if (line.isEmpty()) {
            return;
        }
        String word = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String rest = line.length() > word.length() ? line.substring(word.length()).strip() : "";
        switch (word) {
            case "n", "note" -> {
                if (rest.isEmpty()) {
                    say("type the note after n, e.g.: n the pager fired at 10:42 (to answer a checkpoint no, type: no)");
                } else {
                    controls.note(rest);
                }
            }
            case "s", "skip" -> {
                controls.skip();
                say("skipping the current step");
            }
            case "h", "halt" -> {
                controls.halt("cord pulled at the terminal" + (rest.isEmpty() ? "" : ": " + rest));
                say("cord pulled: the running experiment stops and rolls back; no further step starts");
            }
            case "y", "yes", "no" -> answer(!word.equals("no"), rest);
            case "?", "help" -> say(GameDayTerminal.KEYS);
            default -> say("unknown command '" + word + "'; " + GameDayTerminal.KEYS);
        }
    }

    private void answer(boolean yes, String note) {
        if (answers.isEmpty()) {
            say("checkpoints are answered by the answer file or --yes in this session; add a note with n <text>");
        } else if (!answers.get().answer(new Answer(yes, note, "operator"))) {
            say("no checkpoint is waiting for an answer; add a note with n <text>");
        }
    }

    private void say(String text) {
        synchronized (out) {
            out.println("           " + text);
            out.flush();
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
