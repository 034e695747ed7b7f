package dev.andon.core.spi;

import java.util.Optional;
import java.util.Set;

/**
 * Does one thing to one target (or, for {@link #takesTargets() target-less} actions, to the platform).
 *
 * <p>The engine asks for the undo with {@link #plannedUndo} <em>before</em> acting and journals it, so
 * that a run killed between the two still has its fault undone at the next start. Undos must therefore be
 * idempotent: undoing a fault that never happened must be harmless.
 */
public interface Action extends Part {

    /** Names of the target providers whose targets this action accepts; empty when it takes no targets. */
    Set<String> targetProviders();

    default boolean takesTargets() {
        return !targetProviders().isEmpty();
    }

    /** How to undo this action on this target, or empty when it cannot be undone (a kill, a delete). */
    default Optional<Compensation> plannedUndo(ActionRequest request) throws ProviderException {
        return Optional.empty();
    }

    /** Performs the action. A failure is thrown, never swallowed: the engine records it as the step's result. */
    ActionEffect apply(ActionRequest request) throws ProviderException;

    /**
     * What a dry run does instead of {@link #apply}: by default nothing but describe. Adapters whose
     * platform can prove permissions without acting (EC2's {@code DryRun=true}) override this.
     */
    default ActionEffect rehearse(ActionRequest request) throws ProviderException {
        return ActionEffect.of("would " + name() + request.target().map(t -> " " + t.id()).orElse(""));
    }
}
