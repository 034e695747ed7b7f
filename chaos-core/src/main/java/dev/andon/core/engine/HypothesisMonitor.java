package dev.andon.core.engine;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs probe rounds at the hypothesis interval on a thread of its own, for the continuous strategy. */
final class HypothesisMonitor implements AutoCloseable {

    private final ScheduledExecutorService executor;

    HypothesisMonitor(Duration interval, Runnable round) {
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "andon-hypothesis-monitor");
            t.setDaemon(true);
            return t;
        });
        // Fixed delay, not rate: a slow probe must not make rounds pile up.
        executor.scheduleWithFixedDelay(round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops after the round in progress, if any, has finished, so no sample lands after the phase ends. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
