package dev.andon.core.spi;

import java.util.Optional;

/** One application of an action: the target (absent for target-less actions), its parameters and the run. */
public record ActionRequest(Optional<Target> target, Parameters parameters, RunContext context) {

    /** The target, for actions that always take one. */
    public Target requireTarget() {
        return target.orElseThrow(() -> new IllegalStateException("this action needs a target"));
    }
}
