package dev.andon.core.gameday;

import dev.andon.core.engine.RunListener;
import java.util.function.Function;

/**
 * How to run a game day this time.
 *
 * @param seed            seed of the first experiment's target pick; step n uses {@code seed + n - 1}
 * @param dryRun          every experiment selects and reports but injects nothing
 * @param runListeners    extra listeners for each experiment's run (the run journal), by run id
 */
public record GameDayOptions(long seed, boolean dryRun, Function<String, RunListener> runListeners) {

    public GameDayOptions {
        runListeners = runListeners == null ? runId -> new RunListener() { } : runListeners;
    }

    public static GameDayOptions of(long seed) {
        return new GameDayOptions(seed, false, null);
    }
}
