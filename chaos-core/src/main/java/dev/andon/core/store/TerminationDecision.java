package dev.andon.core.store;

import java.util.Optional;

/**
 * The answer of {@link TerminationTracker#recordIfAllowed}: recorded, or refused with a reason such as
 * "minimum time between kills not elapsed for group checkout: last kill 12:03:10Z, next allowed 14:03:10Z".
 */
public record TerminationDecision(boolean recorded, Optional<String> refusal) {

    public static TerminationDecision recordedNow() {
        return new TerminationDecision(true, Optional.empty());
    }

    public static TerminationDecision refused(String reason) {
        return new TerminationDecision(false, Optional.of(reason));
    }
}
