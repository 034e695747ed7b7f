package dev.andon.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One pull or release of the andon cord.
 *
 * @param kind halt or resume
 * @param who  the OS user who did it
 * @param why  the reason they gave
 * @param at   when
 */
public record CordEvent(Kind kind, String who, String why, Instant at) {

    public enum Kind {
        HALT("halt"),
        RESUME("resume");

        private final String spelling;

        Kind(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }
    }

    public CordEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(at, "at");
    }

    /** One line for people: {@code halted by alice at 2026-11-26T12:00:00Z: payments incident}. */
    public String sentence() {
        return (kind == Kind.HALT ? "halted" : "resumed") + " by " + who + " at " + at + ": " + why;
    }
}
