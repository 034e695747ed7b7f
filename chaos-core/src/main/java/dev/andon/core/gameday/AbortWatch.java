package dev.andon.core.gameday;

import dev.andon.core.engine.StandaloneProbes;
import dev.andon.core.engine.StopSignal;
import dev.andon.core.model.ProbeSpec;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.spi.Parameters;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Samples a game day's abort criteria on its own thread for the whole session. Once a probe has failed the
 * configured number of times in a row it trips for good: the game day is a stop signal from then on.
 */
final class AbortWatch implements StopSignal, AutoCloseable {

    private final AbortCriteria criteria;
    private final StandaloneProbes probes;
    private final AtomicReference<Stop> tripped = new AtomicReference<>();
    private final Map<String, Integer> failuresInARow = new HashMap<>();
    private ScheduledExecutorService executor;

    AbortWatch(AbortCriteria criteria, PluginRegistry registry, String gameDayName, Clock clock) {
        this.criteria = criteria;
        this.probes = new StandaloneProbes(registry, clock, "gameday-" + gameDayName, gameDayName, plugin -> Parameters.empty());
    }

    void start() {
        if (criteria.isEmpty()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "andon-gameday-abort-watch");
            t.setDaemon(true);
            return t;
        });
        long interval = criteria.interval().toMillis();
        executor.scheduleWithFixedDelay(this::sampleAll, 0, interval, TimeUnit.MILLISECONDS);
    }

    /** Samples every probe once now; the first check before any step runs. */
    void sampleAll() {
        if (tripped.get() != null) {
            return;
        }
        for (ProbeSpec spec : criteria.probes()) {
            Optional<String> failure = sample(spec);
            int inARow = failure.isPresent() ? failuresInARow.merge(spec.name(), 1, Integer::sum) : 0;
            failuresInARow.put(spec.name(), inARow);
            if (failure.isPresent() && inARow >= criteria.consecutiveFailures()) {
                tripped.compareAndSet(null, new Stop("abort criterion '" + spec.name() + "' failed"
                        + (inARow > 1 ? " " + inARow + " times in a row" : "") + ": " + failure.get(), false));
                return;
            }
        }
    }

    private Optional<String> sample(ProbeSpec spec) {
        return probes.failures(spec).stream().findFirst();
    }

    @Override
    public Optional<Stop> poll() {
        return Optional.ofNullable(tripped.get());
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        probes.close();
    }
}
