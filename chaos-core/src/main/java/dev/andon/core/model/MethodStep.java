package dev.andon.core.model;

import dev.andon.core.spi.Parameters;
import java.time.Duration;
import java.util.Optional;

/** One entry of an experiment's {@code method} (or {@code rollbacks}). */
public sealed interface MethodStep {

    /** A short description for the terminal and the journal. */
    String describe();

    /**
     * Applies a named action to every selected target of a target set (or once, for target-less actions).
     *
     * @param action      the action's registered name
     * @param target      the target set's name; empty for target-less actions
     * @param parameters  the action's parameters
     * @param revertAfter when present, the action's undo runs this long after it was applied (a timed fault,
     *                    e.g. STOP for 10s then CONT); the rollback phase then has nothing left to do for it
     * @param concurrency how many targets are acted on at once
     */
    record ActionStep(String action, Optional<String> target, Parameters parameters, Optional<Duration> revertAfter, int concurrency)
            implements MethodStep {

        public static final int DEFAULT_CONCURRENCY = 1;

        public ActionStep {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, but was " + concurrency);
            }
        }

        @Override
        public String describe() {
            return action + target.map(t -> " on " + t).orElse("");
        }
    }

    /** Waits; the hypothesis keeps being probed when the strategy is continuous. */
    record Pause(Duration duration) implements MethodStep {
        @Override
        public String describe() {
            return "pause " + Durations.format(duration);
        }
    }

    /** Observes once and records the result; it does not decide the outcome. */
    record ProbeStep(ProbeSpec probe) implements MethodStep {
        @Override
        public String describe() {
            return "probe " + probe.name();
        }
    }
}
