package dev.andon.core.spi;

import java.time.Clock;
import java.util.function.Supplier;

/** What a part may know about and use of the run it takes part in. */
public interface RunContext {

    /** Unique id of the run; adapters put it on every object they create so leftovers can be found. */
    String runId();

    /** The experiment's name. */
    String experimentName();

    Clock clock();

    /** True when nothing may be changed: only listing, describing and permission checks. */
    boolean dryRun();

    /** The plugin's settings ({@code spec.settings.<plugin>}, overridden by command-line settings), validated. */
    Parameters settings(String plugin);

    /**
     * A value shared by all parts of this run, created on first use and closed when the run ends if it
     * is {@link AutoCloseable}: API clients, informers, caches.
     */
    <T> T shared(Class<T> type, Supplier<T> factory);

    /** A line for the terminal and the journal's event log, e.g. "evicting 12 pods from node-3". */
    void note(String message);

    /** True once the run must stop (cord pulled, deviation, signal): long actions such as a drain check it. */
    boolean stopRequested();
}
