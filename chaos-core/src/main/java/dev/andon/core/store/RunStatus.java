package dev.andon.core.store;

import dev.andon.core.engine.Outcome;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The state of a run in history: {@code running} while it goes, then an engine {@link Outcome}, or
 * {@code skipped} when a guard refused it before anything was touched (the engine reports such runs as
 * {@code aborted}; history keeps them apart so "why was nothing killed today?" reads at a glance).
 */
public enum RunStatus {
    RUNNING("running"),
    HELD("held"),
    DEVIATED("deviated"),
    ABORTED("aborted"),
    FAILED("failed"),
    INTERRUPTED("interrupted"),
    SKIPPED("skipped");

    private final String spelling;

    RunStatus(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    public static RunStatus of(Outcome outcome) {
        return switch (outcome) {
            case HELD -> HELD;
            case DEVIATED -> DEVIATED;
            case ABORTED -> ABORTED;
            case FAILED -> FAILED;
            case INTERRUPTED -> INTERRUPTED;
        };
    }

    public static RunStatus fromSpelling(String s) {
        for (RunStatus status : values()) {
            if (status.spelling.equalsIgnoreCase(s)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + s + "'; expected one of " + spellings());
    }

    public static String spellings() {
        return Arrays.stream(values()).map(RunStatus::spelling).collect(Collectors.joining(", "));
    }
}
