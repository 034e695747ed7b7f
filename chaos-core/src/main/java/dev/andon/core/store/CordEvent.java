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
}
