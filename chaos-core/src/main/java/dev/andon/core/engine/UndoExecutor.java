package dev.andon.core.engine;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.ParameterBinding;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.RunContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a {@link Compensation}: looks up the named action and applies it. Used by the engine for
 * automatic undos and timed reverts, and by crash recovery for undos a dead process left behind.
 */
public final class UndoExecutor {

    private final PluginRegistry registry;
    private final Clock clock;

    public UndoExecutor(PluginRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Executes the undo; never throws: a failed undo is a result, with its reason. */
    public ActionRecord execute(Compensation compensation, RunContext context) {
        Instant started = clock.instant();
        Optional<Action> action = registry.action(compensation.action());
        if (action.isEmpty()) {
            return record(compensation, started, ActionRecord.Status.FAILED, "cannot undo: no action named '"
                    + compensation.action() + "' is installed", Map.of(), Optional.of("unknown action " + compensation.action()));
        }
        Parameters parameters;
        try {
            parameters = ParameterBinding.bind(compensation.action(), action.get().parameters(), compensation.parameters());
        } catch (IllegalArgumentException e) {
            return record(compensation, started, ActionRecord.Status.FAILED, "cannot undo: " + e.getMessage(), Map.of(), Optional.of(e.getMessage()));
        }
        try {
            ActionEffect effect = action.get().apply(new ActionRequest(compensation.target(), parameters, context));
            return record(compensation, started, ActionRecord.Status.DONE, effect.summary(), effect.details(), Optional.empty());
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.NOT_FOUND) {
                // The target is gone: nothing is left to undo on it.
                return record(compensation, started, ActionRecord.Status.TARGET_GONE, compensation.description() + ": target gone (" + e.getMessage() + ")", Map.of(), Optional.empty());
            }
            return record(compensation, started, ActionRecord.Status.FAILED, compensation.description() + " failed", Map.of(), Optional.of(e.getMessage()));
        } catch (RuntimeException e) {
            return record(compensation, started, ActionRecord.Status.FAILED, compensation.description() + " failed", Map.of(), Optional.of(e.toString()));
        }
    }

    private ActionRecord record(Compensation c, Instant started, ActionRecord.Status status, String summary,
            Map<String, Object> details, Optional<String> error) {
        return new ActionRecord("undo", c.action(), c.target(), started, clock.instant(), status, summary, details, error);
    }
}
