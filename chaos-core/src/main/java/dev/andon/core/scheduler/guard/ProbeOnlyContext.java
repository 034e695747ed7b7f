package dev.andon.core.scheduler.guard;

import dev.andon.core.model.Experiment;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.RunContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The context of an outage probe observed before a run: nothing may change, shared clients are closed after. */
final class ProbeOnlyContext implements RunContext, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeOnlyContext.class);

    private final String runId;
    private final Experiment experiment;
    private final Clock clock;
    private final Map<Class<?>, Object> shared = new LinkedHashMap<>();

    ProbeOnlyContext(String runId, Experiment experiment, Clock clock) {
        this.runId = runId;
        this.experiment = experiment;
        this.clock = clock;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public String experimentName() {
        return experiment.name();
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
        return experiment.settings(plugin);
    }

    @Override
    public synchronized <T> T shared(Class<T> type, Supplier<T> factory) {
        return type.cast(shared.computeIfAbsent(type, t -> factory.get()));
    }

    @Override
    public void note(String message) {
        LOG.info("outage probe of run {}: {}", runId, message);
    }

    @Override
    public boolean stopRequested() {
        return false;
    }

    @Override
    public synchronized void close() {
        List<Object> values = new ArrayList<>(shared.values());
        shared.clear();
        for (Object value : values) {
            if (value instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("closing {} after an outage probe failed: {}", value.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }
}
