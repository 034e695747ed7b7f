package dev.andon.core.scheduler;

import dev.andon.core.engine.RunIds;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.load.InvalidFileException;
import dev.andon.core.model.Experiment;
import dev.andon.core.store.NodeIdentity;
import dev.andon.core.store.RunHistory;
import dev.andon.core.store.RunStart;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A firing, from trigger to result: find the schedule, load its experiment, ask the guards in order, record
 * the first refusal as a skip with its reason, or launch the run (leashed schedules as dry runs).
 */
public final class ScheduledRuns implements FiringHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRuns.class);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final Function<String, Optional<Schedule>> schedules;
    private final ExperimentSource experiments;
    private final List<ScheduleGuard> guards;
    private final ExperimentLauncher launcher;
    private final RunHistory history;
    private final NodeIdentity node;
    private final SchedulerEvents events;
    private final Clock clock;
    private final RandomGenerator seeds;

    /**
     * @param schedules   the schedules loaded on this node, by name
     * @param guards      asked in order; the termination-recording limit guard must be last
     * @param seeds       source of each run's target-pick seed (recorded with the run)
     */
    public ScheduledRuns(Function<String, Optional<Schedule>> schedules, ExperimentSource experiments, List<ScheduleGuard> guards,
            ExperimentLauncher launcher, RunHistory history, NodeIdentity node, SchedulerEvents events, Clock clock, RandomGenerator seeds) {
        this.schedules = schedules;
        this.experiments = experiments;
        this.guards = List.copyOf(guards);
        this.launcher = launcher;
        this.history = history;
        this.node = node;
        this.events = events;
        this.clock = clock;
        this.seeds = seeds;
    }

    @Override
    public void fired(String name, Instant scheduledAt) {
        Instant now = clock.instant();
        String runId = RunIds.next(now);
        long seed;
        synchronized (seeds) {
            seed = seeds.nextLong();
        }
        Optional<Schedule> found = schedules.apply(name);
        if (found.isEmpty()) {
            skip(name, new RunStart(runId, name, "schedule:" + name, node, now, seed, true, Optional.empty()),
                    new SkipReason(SkipReason.UNKNOWN_SCHEDULE, "schedule '" + name + "' is not loaded on node " + node.node()
                            + " (give every node the same schedule files)"));
            return;
        }
        Schedule schedule = found.get();
        RunOptions options = new RunOptions(runId, seed, schedule.leashed(), Map.of(), null, schedule.trigger());
        Experiment experiment;
        try {
            experiment = experiments.load(schedule);
        } catch (InvalidFileException | RuntimeException e) {
            skip(name, start(schedule, fileName(schedule), options, now),
                    new SkipReason(SkipReason.INVALID, "cannot load experiment " + schedule.experiment() + ": " + e.getMessage()));
            return;
        }
        for (ScheduleGuard guard : guards) {
            Optional<SkipReason> refusal = guard.check(schedule, experiment, options, now);
            if (refusal.isPresent()) {
                skip(name, start(schedule, experiment.name(), options, now), refusal.get());
                return;
            }
        }
        LOG.info("schedule {} fired (planned {}): running {} as {}{}", name, scheduledAt, experiment.name(), runId,
                schedule.leashed() ? " leashed (dry run)" : "");
        RunResult result = launcher.launch(schedule, experiment, options);
        events.finished(name, result);
    }

    @Override
    public void missed(String name, Instant scheduledAt) {
        Instant now = clock.instant();
        Optional<Schedule> schedule = schedules.apply(name);
        ZoneId zone = schedule.flatMap(Schedule::window).map(KillWindow::zone)
                .orElse(schedule.map(Schedule::cadence).filter(c -> c instanceof Cadence.Cron).map(c -> ((Cadence.Cron) c).zone())
                        .orElse(ZoneId.of("UTC")));
        String experiment = schedule.map(ScheduledRuns::fileName).orElse(name);
        RunStart start = new RunStart(RunIds.next(now), experiment, "schedule:" + name, node, now, 0,
                schedule.map(Schedule::leashed).orElse(true), Optional.empty());
        skip(name, start, new SkipReason(SkipReason.MISSED,
                "missed: no node was running at " + HOUR_MINUTE.format(scheduledAt.atZone(zone)) + "; not run late"));
    }

    private void skip(String schedule, RunStart start, SkipReason reason) {
        LOG.info("schedule {} skipped: {}", schedule, reason.message());
        history.skipped(start, reason.message());
        events.skipped(schedule, reason, start.started());
    }

    private RunStart start(Schedule schedule, String experiment, RunOptions options, Instant now) {
        return new RunStart(options.runId(), experiment, schedule.trigger(), node, now, options.seed(), options.dryRun(), Optional.empty());
    }

    private static String fileName(Schedule schedule) {
        String file = schedule.experiment().getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
