package dev.andon.core.engine;

import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.RunContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/** The run context the engine hands to parts; closes shared clients when the run ends. */
final class DefaultRunContext implements RunContext, AutoCloseable {

    private final String runId;
    private final String experimentName;
    private final Clock clock;
    private final boolean dryRun;
    private final Function<String, Parameters> settings;
    private final RunListener listener;
    private final BooleanSupplier stopRequested;
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
    private final List<Object> creationOrder = new ArrayList<>();

    DefaultRunContext(String runId, String experimentName, Clock clock, boolean dryRun,
            Function<String, Parameters> settings, RunListener listener, BooleanSupplier stopRequested) {
        this.runId = runId;
        this.experimentName = experimentName;
        this.clock = clock;
        this.dryRun = dryRun;
        this.settings = settings;
        this.listener = listener;
        this.stopRequested = stopRequested;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String experimentName() {
        return experimentName;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public Parameters settings(String plugin) {
        return settings.apply(plugin);
    }

    @Override
    public <T> T shared(Class<T> type, Supplier<T> factory) {
        Object value = shared.computeIfAbsent(type, t -> {
            T created = factory.get();
            synchronized (creationOrder) {
                creationOrder.add(created);
            }
            return created;
        });
        return type.cast(value);
    }

    @Override
    public void note(String message) {
        listener.note(message, clock.instant());
    }

    @Override
    public boolean stopRequested() {
        return stopRequested.getAsBoolean();
    }

    /** Closes shared values in reverse creation order; a failing close is noted, not thrown over the run's result. */
    @Override
    public void close() {
        List<Object> toClose;
        synchronized (creationOrder) {
            toClose = new ArrayList<>(creationOrder);
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            if (toClose.get(i) instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    listener.note("could not close " + closeable.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
                }
            }
        }
    }
}
