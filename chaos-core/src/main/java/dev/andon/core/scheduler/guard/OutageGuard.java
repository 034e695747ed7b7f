package dev.andon.core.scheduler.guard;

import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.StandaloneProbes;
import dev.andon.core.model.Experiment;
import dev.andon.core.model.ProbeSpec;
import dev.andon.core.scheduler.Schedule;
import dev.andon.core.scheduler.ScheduleGuard;
import dev.andon.core.scheduler.SkipReason;
import dev.andon.core.spi.PluginRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An outage in progress: the schedule's {@code outageProbe} fails, so the system is already unhealthy and
 * chaos would only add to an incident. Chaos Monkey's "Outage" checker.
 */
public final class OutageGuard implements ScheduleGuard {

    private final PluginRegistry registry;
    private final Clock clock;

    public OutageGuard(PluginRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public Optional<SkipReason> check(Schedule schedule, Experiment experiment, RunOptions options, Instant now) {
        if (schedule.outageProbe().isEmpty()) {
            return Optional.empty();
        }
        ProbeSpec spec = schedule.outageProbe().get();
        List<String> failures = observe(spec, experiment, options);
        if (failures.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SkipReason(SkipReason.OUTAGE,
                "outage in progress: outage probe '" + spec.name() + "' failed: " + String.join("; ", failures)));
    }

    private List<String> observe(ProbeSpec spec, Experiment experiment, RunOptions options) {
        // A probe that throws cannot vouch for the system's health: its error is a failure, an outage.
        try (StandaloneProbes probes = new StandaloneProbes(registry, clock, options.runId(), experiment.name(), experiment::settings)) {
            return probes.failures(spec);
        }
    }
}
