package dev.andon.core.spi;

import java.util.Optional;

/** A target a selector matched, with the reason it may never be hit, if any. */
public record Candidate(Target target, Optional<String> exclusion) {

    public static Candidate eligible(Target target) {
        return new Candidate(target, Optional.empty());
    }

    public static Candidate excluded(Target target, String reason) {
        return new Candidate(target, Optional.of(reason));
    }

    public boolean isEligible() {
        return exclusion.isEmpty();
    }
}
