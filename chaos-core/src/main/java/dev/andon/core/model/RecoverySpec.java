package dev.andon.core.model;

import java.time.Duration;

/** How long, after the method, to keep probing for the hypothesis to hold again before calling it a timeout. */
public record RecoverySpec(Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final RecoverySpec DEFAULT = new RecoverySpec(DEFAULT_TIMEOUT);
}
