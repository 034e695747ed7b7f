package dev.andon.core.scheduler;

import dev.andon.core.engine.ExperimentRunner;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.journal.JournalWriter;
import dev.andon.core.load.ExperimentLoader;
import dev.andon.core.load.Problem;
import dev.andon.core.load.ProbeReading;
import dev.andon.core.load.Variables;
import dev.andon.core.model.Experiment;
import dev.andon.core.scheduler.guard.CordGuard;
import dev.andon.core.scheduler.guard.KillLimitGuard;
import dev.andon.core.scheduler.guard.OutageGuard;
import dev.andon.core.scheduler.guard.WindowGuard;
import dev.andon.core.scheduler.quartz.SchedulerNode;
import dev.andon.core.scheduler.quartz.SchedulerNodeConfig;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.store.CordEvent;
import dev.andon.core.store.RecoveredRun;
import dev.andon.core.store.StoreSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code andon daemon}: the schedule files of a directory, run by a scheduler node over the store. At start it
 * recovers runs a crashed process left behind; then it fires schedules, reloads the directory when files
 * change (an invalid file is reported and left out, the rest keep running), and watches the cord so halts and
 * resumes reach metrics and webhooks.
 */
public final class ScheduleDaemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleDaemon.class);
    private static final Duration CORD_WATCH_INTERVAL = Duration.ofMillis(250);

    /**
     * @param scheduleDir    the directory of schedule files
     * @param node           the scheduler node's settings
     * @param reloadInterval how often the directory is checked for changes
     * @param journalDir     where each run's journal is written
     */
    public record Settings(Path scheduleDir, SchedulerNodeConfig node, Duration reloadInterval, Path journalDir) {
    }

    /**
     * What the daemon adds to every run and every scheduler event besides the store: metrics and webhooks.
     *
     * @param events       scheduler events (skips, finished runs, cord changes)
     * @param runListeners a fresh list of listeners for each run
     */
    public record Observers(SchedulerEvents events, Supplier<List<RunListener>> runListeners) {
        public static final Observers NONE = new Observers(SchedulerEvents.NONE, List::of);
    }

    private final StoreSession session;
    private final Settings settings;
    private final Clock clock;
    private final Observers observers;
    private final Consumer<String> say;
    private final ScheduleCatalog catalog;
    private final ExperimentRunner runner;
    private final SchedulerNode node;
    private final ScheduledExecutorService watcher;
    private Optional<CordEvent> lastHalt = Optional.empty();
    private boolean cordSeen;

    public ScheduleDaemon(StoreSession session, PluginRegistry registry, Settings settings, Clock clock, Observers observers, Consumer<String> say) {
        this.session = session;
        this.settings = settings;
        this.clock = clock;
        this.observers = observers;
        this.say = say;
        this.catalog = new ScheduleCatalog(settings.scheduleDir(),
                new ScheduleLoader((n, what, problems) -> ProbeReading.read(registry, n, what, problems)));
        this.runner = new ExperimentRunner(registry, clock).withGuards(List.of(session.haltGuard()));
        ExperimentLoader experiments = new ExperimentLoader(registry);
        List<ScheduleGuard> guards = List.of(new CordGuard(session.store().halts()), new WindowGuard(), new OutageGuard(registry, clock),
                new KillLimitGuard(session.store().terminations()));
        ScheduledRuns runs = new ScheduledRuns(catalog::find,
                schedule -> experiments.load(schedule.experiment(), new Variables(schedule.variables(), Map.of(), System.getenv())),
                guards, this::launch, session.store().runs(), session.self(), observers.events(), clock,
                new SplittableRandom(settings.node().planSeed() ^ System.nanoTime()));
        boolean postgres = session.store().description().startsWith("PostgreSQL");
        this.node = SchedulerNode.create(session.store().dataSource(), postgres, settings.node(), runs, clock);
        this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "andon-daemon-watch");
            t.setDaemon(true);
            return t;
        });
    }

    private RunResult launch(Schedule schedule, Experiment experiment, RunOptions options) {
        Path journal = settings.journalDir().resolve(experiment.name() + "-" + options.runId() + ".json");
        List<RunListener> listeners = new ArrayList<>();
        listeners.add(new JournalWriter(journal));
        listeners.add(session.recorder(Optional.of(journal)));
        listeners.addAll(observers.runListeners().get());
        RunResult result = runner.run(experiment, options.withStopSignal(session.cord()), RunListener.all(listeners));
        say.accept(schedule.name() + ": " + experiment.name() + " " + result.outcome().spelling() + (result.dryRun() ? " (leashed)" : "")
                + ": " + result.reason() + " [" + result.runId() + "]");
        return result;
    }

    /** Recovers orphaned runs, loads the schedules, and starts firing. */
    public void start() throws SchedulerException {
        List<RecoveredRun> recovered = session.recoverInterruptedRuns((runId, undo, pluginSettings) ->
                runner.undo(undo, runId, pluginSettings, new RunListener() { }));
        for (RecoveredRun run : recovered) {
            say.accept("recovered interrupted run " + run.runId() + " of " + run.experiment() + ": " + run.undos().size() + " undo(s) executed"
                    + (run.allUndone() ? "" : ", NOT ALL SUCCEEDED: check the targets by hand"));
        }
        reload();
        node.start();
        say.accept("node " + settings.node().nodeId() + " running " + catalog.schedules().size() + " schedule(s) from "
                + settings.scheduleDir() + " on " + session.store().description() + " (plan seed " + settings.node().planSeed() + ")");
        watcher.scheduleWithFixedDelay(this::reloadQuietly, settings.reloadInterval().toMillis(), settings.reloadInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        watcher.scheduleWithFixedDelay(this::watchCord, 0, CORD_WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reloads the directory if anything changed; returns whether it did. */
    public synchronized boolean reload() throws SchedulerException {
        Optional<ScheduleCatalog.Snapshot> changed = catalog.reloadIfChanged();
        if (changed.isEmpty()) {
            return false;
        }
        ScheduleCatalog.Snapshot snapshot = changed.get();
        for (Map.Entry<Path, List<Problem>> bad : snapshot.problems().entrySet()) {
            for (Problem p : bad.getValue()) {
                say.accept("invalid schedule, not running: " + p.format());
            }
        }
        node.sync(snapshot.schedules().values());
        for (Schedule s : snapshot.schedules().values()) {
            say.accept("schedule " + s.name() + (s.leashed() ? " (leashed)" : " (UNLEASHED)") + ": " + describe(s));
        }
        return true;
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (SchedulerException | RuntimeException e) {
            LOG.error("reloading schedules from {} failed; the previous schedules keep running", settings.scheduleDir(), e);
            say.accept("reloading schedules failed: " + e.getMessage());
        }
    }

    private void watchCord() {
        try {
            Optional<CordEvent> halt = session.store().halts().currentHalt();
            if (cordSeen && halt.isPresent() != lastHalt.isPresent()) {
                CordEvent event = halt.orElseGet(() -> session.store().halts().history(1).stream()
                        .filter(e -> e.kind() == CordEvent.Kind.RESUME).findFirst()
                        .orElse(new CordEvent(CordEvent.Kind.RESUME, "unknown", "", clock.instant())));
                say.accept(event.kind() == CordEvent.Kind.HALT ? "HALTED by " + event.who() + ": " + event.why()
                        : "resumed by " + event.who() + ": " + event.why());
                observers.events().cordChanged(event);
            } else if (!cordSeen && halt.isPresent()) {
                say.accept("the store is halted (by " + halt.get().who() + ": " + halt.get().why() + "); nothing runs until 'andon resume'");
                observers.events().cordChanged(halt.get());
            }
            cordSeen = true;
            lastHalt = halt;
        } catch (RuntimeException e) {
            LOG.warn("cannot read the cord: {}", e.toString());
        }
    }

    public static String describe(Schedule s) {
        if (s.cadence() instanceof Cadence.Cron cron) {
            return "cron '" + cron.expression() + "' " + cron.zone().getId() + s.window().map(w -> ", window " + w.describe()).orElse("");
        }
        Cadence.ChaosMonkey m = (Cadence.ChaosMonkey) s.cadence();
        return "Chaos Monkey, about every " + m.meanWorkdaysBetweenKills() + " workday(s), window "
                + s.window().map(KillWindow::describe).orElse("") + s.limits().minimumGap().map(g -> ", at least " + g.describe() + " apart").orElse("");
    }

    public ScheduleCatalog catalog() {
        return catalog;
    }

    public SchedulerNode node() {
        return node;
    }

    /** Stops firing and waits for runs in progress, so their rollbacks finish. */
    @Override
    public void close() {
        // No interrupts: a thread interrupted inside an H2 file read closes the whole database (the file
        // channel is interruptible), which would leave Quartz retrying forever on shutdown.
        watcher.shutdown();
        try {
            if (!watcher.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("the schedule watcher did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        node.close();
    }
}
