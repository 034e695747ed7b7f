package dev.andon.core.gameday;

import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.StopSignal;
import java.util.function.BiFunction;

/**
 * How to run a game day this time.
 *
 * @param seed            seed of the first experiment's target pick; step n uses {@code seed + n - 1}
 * @param dryRun          every experiment selects and reports but injects nothing
 * @param runListeners    extra listeners for each experiment's run (the run journal), by run id and experiment name
 * @param cord            the andon cord shared with other terminals and nodes ({@code andon halt}); it halts the game day
 */
public record GameDayOptions(long seed, boolean dryRun, BiFunction<String, String, RunListener> runListeners, StopSignal cord) {

    public GameDayOptions {
        runListeners = runListeners == null ? (runId, experiment) -> new RunListener() { } : runListeners;
        cord = cord == null ? StopSignal.NEVER : cord;
    }

    public static GameDayOptions of(long seed) {
        return new GameDayOptions(seed, false, null, StopSignal.NEVER);
    }
}
