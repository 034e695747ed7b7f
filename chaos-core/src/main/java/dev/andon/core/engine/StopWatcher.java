package dev.andon.core.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Polls a run's {@link StopSignal} on a thread of its own, so the cord reaches a run within one poll
 * interval whatever the run is doing (waiting on an API call, sleeping in a pause).
 */
final class StopWatcher implements AutoCloseable {

    private final StopSignal signal;
    private final AtomicReference<StopSignal.Stop> stop = new AtomicReference<>();
    private final ScheduledExecutorService executor;

    StopWatcher(StopSignal signal, Duration interval, Runnable onStop) {
        this.signal = signal;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "andon-stop-watcher");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            if (stop.get() == null) {
                poll().ifPresent(s -> {
                    if (stop.compareAndSet(null, s)) {
                        onStop.run();
                    }
                });
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks the signal now (before the run begins, so a pulled cord stops it before anything is touched). */
    Optional<StopSignal.Stop> checkNow() {
        if (stop.get() == null) {
            poll().ifPresent(s -> stop.compareAndSet(null, s));
        }
        return Optional.ofNullable(stop.get());
    }

    Optional<StopSignal.Stop> stop() {
        return Optional.ofNullable(stop.get());
    }

    private Optional<StopSignal.Stop> poll() {
        try {
            return signal.poll();
        } catch (RuntimeException e) {
            // A signal that cannot be read (database down) must not let chaos go on unchecked.
            return Optional.of(new StopSignal.Stop("stop signal unreadable: " + e.getMessage(), false));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
