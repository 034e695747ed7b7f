package dev.andon.core.engine;

import dev.andon.core.spi.Target;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What happened when an action was applied to one target (or once, for target-less actions).
 *
 * @param kind     {@code method}, {@code rollback} (a declared rollback), {@code undo} (an automatic undo)
 * @param action   the action's name
 * @param target   the target, if any
 * @param status   how it went
 * @param summary  one line: what was done, or why not
 * @param details  facts from the action
 * @param error    the failure message when status is {@link Status#FAILED}
 */
public record ActionRecord(
        String kind,
        String action,
        Optional<Target> target,
        Instant started,
        Instant ended,
        Status status,
        String summary,
        Map<String, Object> details,
        Optional<String> error) {

    public enum Status {
        DONE("done"),
        /** Dry run: described, not done. */
        REHEARSED("rehearsed"),
        /** The target vanished between selection and action. */
        TARGET_GONE("target-gone"),
        FAILED("failed"),
        /** Not attempted because the run was stopping. */
        SKIPPED("skipped");

        private final String spelling;

        Status(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }
    }

    public ActionRecord {
        details = Map.copyOf(details == null ? Map.of() : details);
    }
}
