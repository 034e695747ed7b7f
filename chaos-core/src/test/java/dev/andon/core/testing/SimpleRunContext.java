package dev.andon.core.testing;

import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.RunContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A run context for testing parts directly through the SPI; closes shared values on {@link #close()}. */
public final class SimpleRunContext implements RunContext, AutoCloseable {

    private final Map<String, Parameters> settings;
    private final boolean dryRun;
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private volatile boolean stop;

    public SimpleRunContext() {
        this(Map.of(), false);
    }

    public SimpleRunContext(Map<String, Parameters> settings, boolean dryRun) {
        this.settings = Map.copyOf(settings);
        this.dryRun = dryRun;
    }

    @Override
    public String runId() {
        return "test-run";
    }

    @Override
    public String experimentName() {
        return "test";
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public Parameters settings(String plugin) {
        return settings.getOrDefault(plugin, Parameters.empty());
    }

    @Override
    public <T> T shared(Class<T> type, Supplier<T> factory) {
        return type.cast(shared.computeIfAbsent(type, t -> factory.get()));
    }

    @Override
    public void note(String message) {
        notes.add(message);
    }

    public List<String> notes() {
        return new ArrayList<>(notes);
    }

    public void requestStop() {
        stop = true;
    }

    @Override
    public boolean stopRequested() {
        return stop;
    }

    @Override
    public void close() throws Exception {
        for (Object o : shared.values()) {
            if (o instanceof AutoCloseable c) {
                c.close();
            }
        }
    }
}
