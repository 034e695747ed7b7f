package dev.andon.core.scheduler;

import dev.andon.core.model.Metadata;
import dev.andon.core.model.ProbeSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code kind: Schedule} file as loaded and validated: when an experiment runs unattended, and what
 * must be true for it to run.
 *
 * @param source      the file it was read from
 * @param metadata    name, description, labels
 * @param experiment  the experiment file, resolved against the schedule file's folder
 * @param variables   values for the experiment's {@code ${name}} placeholders
 * @param leashed     record what would have been killed and kill nothing (a dry run); true unless the file says
 *                    {@code leashed: false}
 * @param cadence     when it fires: a cron expression or Chaos Monkey's random daily pick
 * @param window      when a kill may happen at all; empty for a cron schedule without one
 * @param quietDays   holidays, blackout dates and freezes on which nothing runs
 * @param limits      minimum time between kills and maximum kills per day
 * @param outageProbe a probe that fails when the system is already unhealthy: the run is then skipped
 */
public record Schedule(
        Path source,
        Metadata metadata,
        Path experiment,
        Map<String, String> variables,
        boolean leashed,
        Cadence cadence,
        Optional<KillWindow> window,
        QuietDays quietDays,
        KillLimits limits,
        Optional<ProbeSpec> outageProbe) {

    public Schedule {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(cadence, "cadence");
        variables = Map.copyOf(variables);
        window = window == null ? Optional.empty() : window;
        quietDays = quietDays == null ? QuietDays.NONE : quietDays;
        limits = limits == null ? KillLimits.NONE : limits;
        outageProbe = outageProbe == null ? Optional.empty() : outageProbe;
    }

    public String name() {
        return metadata.name();
    }

    /** The workdays of this schedule: days of its window that are not holidays, blackouts or freezes. */
    public Workdays workdays() {
        return new Workdays(window.map(KillWindow::days).orElse(KillWindow.WEEKDAYS), quietDays);
    }

    /** The trigger of runs started by this schedule, as {@code RunOptions.trigger}. */
    public String trigger() {
        return "schedule:" + name();
    }
}
