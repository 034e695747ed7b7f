package dev.andon.core.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells other nodes this process still owns its running runs, by refreshing their heartbeat every
 * {@code interval}. A node that sees a heartbeat older than the recovery threshold treats the run as
 * orphaned, so the interval must stay well below that threshold.
 */
public final class RunHeartbeats implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunHeartbeats.class);

    private final RunHistory runs;
    private final Clock clock;
    private final Set<String> active = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    public RunHeartbeats(RunHistory runs, Clock clock, Duration interval) {
        this.runs = runs;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "andon-run-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    public void add(String runId) {
        active.add(runId);
    }

    public void remove(String runId) {
        active.remove(runId);
    }

    private void beat() {
        List<String> ids = List.copyOf(active);
        try {
            runs.heartbeat(ids, clock.instant());
        } catch (StoreException e) {
            // The run goes on: the cord, reading the same database, stops it if the store stays unreachable.
            LOG.warn("cannot record the heartbeat of runs {}: {}", ids, e.getMessage());
        }
    }

    @Override
    public void close() {
        // shutdown, not shutdownNow: a beat in progress finishes its statement rather than being interrupted in it.
        timer.shutdown();
    }
}
