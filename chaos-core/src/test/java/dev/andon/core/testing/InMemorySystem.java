package dev.andon.core.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A tiny system under test for engine tests: named nodes that are up or down; a crashed node comes
 * back by itself after a heal delay, like a supervised replica; a frozen node stays down until thawed.
 */
public final class InMemorySystem implements AutoCloseable {

    private final Map<String, Boolean> up = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    private final Set<String> frozen = ConcurrentHashMap.newKeySet();
    private final Duration healDelay;
    private final ScheduledExecutorService healer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "in-memory-healer");
        t.setDaemon(true);
        return t;
    });

    public InMemorySystem(int nodes, Duration healDelay) {
        this.healDelay = healDelay;
        for (int i = 1; i <= nodes; i++) {
            add("node-" + i, Map.of());
        }
    }

    public synchronized void add(String name, Map<String, String> nodeLabels) {
        up.put(name, true);
        labels.put(name, Map.copyOf(nodeLabels));
    }

    public synchronized Map<String, Map<String, String>> nodes() {
        return new LinkedHashMap<>(labels);
    }

    public boolean exists(String name) {
        return up.containsKey(name);
    }

    public boolean isUp(String name) {
        return Boolean.TRUE.equals(up.get(name));
    }

    public long upCount() {
        return up.values().stream().filter(Boolean::booleanValue).count();
    }

    public int size() {
        return up.size();
    }

    public void crash(String name) {
        up.put(name, false);
        healer.schedule(() -> {
            if (!frozen.contains(name)) {
                up.put(name, true);
            }
        }, healDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void freeze(String name) {
        frozen.add(name);
        up.put(name, false);
    }

    public void thaw(String name) {
        frozen.remove(name);
        up.put(name, true);
    }

    public boolean isFrozen(String name) {
        return frozen.contains(name);
    }

    @Override
    public void close() {
        healer.shutdownNow();
    }
}
