package dev.andon.aws;

import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.RunContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A small RunContext for driving the AWS parts through the SPI, as the engine does. */
public final class TestRun implements RunContext, AutoCloseable {

    private final String runId;
    private final Map<String, Object> awsSettings;
    private final boolean dryRun;
    private final Clock clock;
    private final Map<Class<?>, Object> shared = new LinkedHashMap<>();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    public TestRun(String runId, Map<String, Object> awsSettings, boolean dryRun, Clock clock) {
        this.runId = runId;
        this.awsSettings = Map.copyOf(awsSettings);
        this.dryRun = dryRun;
        this.clock = clock;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String experimentName() {
        return "aws-test";
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
        return plugin.equals("aws") ? Parameters.of(awsSettings) : Parameters.empty();
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

    @Override
    public boolean stopRequested() {
        return false;
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
