package dev.andon.core.gameday;

import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.RunContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The run context of a game day's abort probes: read-only by nature, they never change anything. */
final class WatchContext implements RunContext, AutoCloseable {

    private final String id;
    private final String name;
    private final Clock clock;
    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();

    WatchContext(String id, String name, Clock clock) {
        this.id = id;
        this.name = name;
        this.clock = clock;
    }

    @Override
    public String runId() {
        return id;
    }

    @Override
    public String experimentName() {
        return name;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public boolean dryRun() {
        return true;
    }

    @Override
    public Parameters settings(String plugin) {
        return Parameters.empty();
    }

    @Override
    public <T> T shared(Class<T> type, Supplier<T> factory) {
        return type.cast(shared.computeIfAbsent(type, t -> factory.get()));
    }

    @Override
    public void note(String message) {
        // abort probes only observe; their verdicts reach the timeline as halts
    }

    @Override
    public boolean stopRequested() {
        return false;
    }

    @Override
    public void close() {
        List<Exception> failures = new ArrayList<>();
        for (Object o : shared.values()) {
            if (o instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    failures.add(e);
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("closing the abort probes' clients failed: " + failures.get(0).getMessage(), failures.get(0));
        }
    }
}
