package dev.andon.core.spi;

import java.util.Optional;

/**
 * Something in a platform that must stop a run the moment it says so, as AWS FIS stop conditions do: a
 * CloudWatch alarm firing, an error budget spent. Declared through a plugin's settings, polled by the
 * engine with the cord during every run, whoever started it (the CLI, the daemon, a game day).
 */
public interface StopCondition extends AutoCloseable {

    /**
     * Why the run must stop now, or empty to go on. Called often (every poll interval): cache between
     * reads. A condition that cannot be read should say so and stop the run — an unseen safety is none.
     */
    Optional<String> reasonToStop();

    /** Releases clients; called once the run has ended. */
    @Override
    default void close() {
    }
}
