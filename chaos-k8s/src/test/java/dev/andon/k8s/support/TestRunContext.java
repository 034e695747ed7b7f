package dev.andon.k8s.support;

import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.RunContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** A run as the engine would present it to parts: settings, shared values closed at the end, notes, a stop flag. */
public final class TestRunContext implements RunContext, AutoCloseable {

    private final String runId;
    private final Map<String, Object> k8sSettings;
    private final Clock clock;
    private final Map<Class<?>, Object> shared = new LinkedHashMap<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    public TestRunContext(String runId, Map<String, Object> k8sSettings, Clock clock) {
        this.runId = runId;
        this.k8sSettings = Map.copyOf(k8sSettings);
        this.clock = clock;
    }

    public static TestRunContext on(MockCluster cluster) {
        return new TestRunContext("20261126T121500Z-abc123", cluster.settings(), Clock.systemUTC());
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String experimentName() {
        return "test-experiment";
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public boolean dryRun() {
        return false;
    }

    @Override
    public Parameters settings(String plugin) {
        return "k8s".equals(plugin) ? Parameters.of(k8sSettings) : Parameters.empty();
    }

    @Override
    public synchronized <T> T shared(Class<T> type, Supplier<T> factory) {
        return type.cast(shared.computeIfAbsent(type, t -> factory.get()));
    }

    @Override
    public void note(String message) {
        notes.add(message);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }

    public void requestStop() {
        stop.set(true);
    }

    @Override
    public boolean stopRequested() {
        return stop.get();
    }

    @Override
    public synchronized void close() throws Exception {
        // reverse creation order, as the engine does: informers stop before the client they use closes
        List<Object> values = new ArrayList<>(shared.values());
        java.util.Collections.reverse(values);
        for (Object value : values) {
            if (value instanceof AutoCloseable c) {
                c.close();
            }
        }
        shared.clear();
    }
}
