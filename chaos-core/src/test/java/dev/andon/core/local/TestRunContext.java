package dev.andon.core.local;

import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.RunContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** A run context for driving parts directly: a real map of shared values, notes kept for assertions. */
final class TestRunContext implements RunContext {

    private final Map<Class<?>, Object> shared = new ConcurrentHashMap<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final boolean dryRun;

    TestRunContext(boolean dryRun) {
        this.dryRun = dryRun;
    }

    TestRunContext() {
        this(false);
    }

    @Override
    public String runId() {
        return "test-run";
    }

    @Override
    public String experimentName() {
        return "local-adapter-test";
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
        return Parameters.empty();
    }

    @Override
    public <T> T shared(Class<T> type, Supplier<T> factory) {
        return type.cast(shared.computeIfAbsent(type, t -> factory.get()));
    }

    @Override
    public void note(String message) {
        notes.add(message);
    }

    @Override
    public boolean stopRequested() {
        return false;
    }

    List<String> notes() {
        return notes;
    }
}
