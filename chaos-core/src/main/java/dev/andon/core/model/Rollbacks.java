package dev.andon.core.model;

import java.util.List;

/**
 * Declared rollback steps and when they run. Undos of reversible faults (CONT after STOP, uncordon,
 * start a stopped instance) run whatever {@code when} says: Andon never leaves a fault it can undo.
 */
public record Rollbacks(When when, List<MethodStep.ActionStep> steps) {

    public enum When {
        ALWAYS("always"),
        ON_DEVIATION("on-deviation"),
        NEVER("never");

        private final String spelling;

        When(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }
    }

    public static final Rollbacks NONE = new Rollbacks(When.ALWAYS, List.of());

    public Rollbacks {
        steps = List.copyOf(steps);
    }
}
