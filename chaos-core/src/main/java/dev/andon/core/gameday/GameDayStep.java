package dev.andon.core.gameday;

import dev.andon.core.model.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** One entry of a game day's {@code steps}, run in order. */
public sealed interface GameDayStep {

    /** The step's name in the timeline: written in the file, or derived from what it does. */
    String name();

    /** {@code experiment}, {@code checkpoint}, {@code wait}, {@code note}. */
    String kind();

    /** What the step does, in one line. */
    String describe();

    /**
     * Runs an experiment file.
     *
     * @param file      the experiment, resolved against the game-day file's folder
     * @param written   the path as written in the game-day file
     * @param variables values for the experiment's {@code ${name}}, over the game day's
     */
    record ExperimentStep(String name, Path file, String written, Map<String, String> variables) implements GameDayStep {
        public ExperimentStep {
            variables = Map.copyOf(variables);
        }

        @Override
        public String kind() {
            return "experiment";
        }

        @Override
        public String describe() {
            return "experiment " + written + (variables.isEmpty() ? "" : " " + new java.util.TreeMap<>(variables));
        }
    }

    /** A question the coordinator answers yes or no, with a note: "did the on-call get paged?". */
    record Checkpoint(String name, String question) implements GameDayStep {
        @Override
        public String kind() {
            return "checkpoint";
        }

        @Override
        public String describe() {
            return "checkpoint: " + question;
        }
    }

    /** Time for the system (and the people) to settle; the abort criteria are still watched. */
    record Wait(String name, Duration duration) implements GameDayStep {
        @Override
        public String kind() {
            return "wait";
        }

        @Override
        public String describe() {
            return "wait " + Durations.format(duration);
        }
    }

    /** A line for everyone (and the timeline): "page the on-call now". */
    record Note(String name, String text) implements GameDayStep {
        @Override
        public String kind() {
            return "note";
        }

        @Override
        public String describe() {
            return "note: " + text;
        }
    }
}
