package dev.andon.core.engine;

import dev.andon.core.model.ProbeSpec;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.PluginRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Probes observed outside a run, judged like a hypothesis: a schedule's outage probe, a game day's abort
 * criteria. Their context is a dry run (probes only observe), and clients they share are closed with it.
 */
public final class StandaloneProbes implements AutoCloseable {

    private final ProbeRunner runner;
    private final DefaultRunContext context;

    /**
     * @param id       names the observations in notes and in objects probes might create, e.g. the run id
     * @param name     what they watch for, e.g. the experiment or game day
     * @param settings the plugin settings to observe with (an experiment's {@code spec.settings})
     */
    public StandaloneProbes(PluginRegistry registry, Clock clock, String id, String name, Function<String, Parameters> settings) {
        this.runner = new ProbeRunner(registry, clock);
        this.context = new DefaultRunContext(id, name, clock, true, settings, new RunListener() { }, () -> false);
    }

    /** Observes once; every reason it fails (a missing probe, an error, an unmet expectation), empty when it passes. */
    public List<String> failures(ProbeSpec spec) {
        return runner.sample(spec, "watch", context).failures();
    }

    @Override
    public void close() {
        context.close();
    }
}
