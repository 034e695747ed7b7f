package dev.andon.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.engine.Outcome;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.model.Experiment;
import dev.andon.core.model.Metadata;
import dev.andon.core.scheduler.guard.CordGuard;
import dev.andon.core.scheduler.guard.KillLimitGuard;
import dev.andon.core.scheduler.guard.WindowGuard;
import dev.andon.core.store.HistoryQuery;
import dev.andon.core.store.NodeIdentity;
import dev.andon.core.store.RunRecord;
import dev.andon.core.store.RunStatus;
import dev.andon.core.store.StoreConfig;
import dev.andon.core.store.jdbc.JdbcAndonStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("a scheduled firing: guards, skips with reasons, leashed runs")
class ScheduledRunsTest {

    @TempDir
    Path dataDir;

    private JdbcAndonStore store;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T10:00:00Z")); // a Wednesday
    private final List<RunOptions> launched = new ArrayList<>();
    private final List<String> skippedCategories = new ArrayList<>();
    private final Map<String, Schedule> schedules = new java.util.HashMap<>();

    private static final Experiment EXPERIMENT = new Experiment("test", new Metadata("kill-one", "", Map.of()), Map.of(), null, List.of(),
            null, null, null, Map.of(), Map.of(), List.of());

    @BeforeEach
    void open() {
        store = JdbcAndonStore.open(StoreConfig.h2(dataDir));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ScheduledRuns runs() {
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        SchedulerEvents events = new SchedulerEvents() {
            @Override
            public void skipped(String schedule, SkipReason reason, Instant at) {
                skippedCategories.add(reason.category());
            }
        };
        ExperimentLauncher launcher = (schedule, experiment, options) -> {
            launched.add(options);
            return new RunResult(options.runId(), experiment.name(), Outcome.HELD, "held", false, Optional.empty(), false,
                    options.seed(), options.dryRun(), List.of(), now.get(), now.get());
        };
        return new ScheduledRuns(name -> Optional.ofNullable(schedules.get(name)), s -> EXPERIMENT,
                List.of(new CordGuard(store.halts()), new WindowGuard(), new KillLimitGuard(store.terminations())),
                launcher, store.runs(), NodeIdentity.current("node-1", "localhost"), events, clock, new SplittableRandom(1));
    }

    private List<RunRecord> history() {
        return store.runs().query(HistoryQuery.all());
    }

    @Test
    @DisplayName("a leashed schedule inside its window runs as a dry run with its schedule as trigger")
    void leashedRuns() {
        schedules.put("shop", SchedulesForTests.cron("shop", "0 0 10 * * ?", Optional.of(TestSchedules.window("UTC", 9, 15)), KillLimits.NONE, true));

        runs().fired("shop", now.get());

        assertThat(launched).singleElement().satisfies(o -> {
            assertThat(o.dryRun()).isTrue();
            assertThat(o.trigger()).isEqualTo("schedule:shop");
        });
    }

    @Test
    @DisplayName("every guard's refusal is a skipped run in history with its reason: window, cord, minimum time, daily maximum")
    void skipsAreHistory() {
        schedules.put("shop", SchedulesForTests.cron("shop", "0 0 * * * ?", Optional.of(TestSchedules.window("UTC", 9, 15)),
                new KillLimits(Optional.of(MinimumGap.of(Duration.ofHours(2))), Optional.of(2)), false));
        ScheduledRuns runs = runs();

        now.set(Instant.parse("2026-11-25T08:00:00Z"));
        runs.fired("shop", now.get());                          // before the window
        now.set(Instant.parse("2026-11-25T09:00:00Z"));
        runs.fired("shop", now.get());                          // runs
        now.set(Instant.parse("2026-11-25T10:00:00Z"));
        runs.fired("shop", now.get());                          // 1h after: too soon
        store.halts().halt("alice", "payments incident", now.get());
        now.set(Instant.parse("2026-11-25T11:00:00Z"));
        runs.fired("shop", now.get());                          // halted
        store.halts().resume("alice", "over", now.get());
        now.set(Instant.parse("2026-11-25T12:00:00Z"));
        runs.fired("shop", now.get());                          // runs
        now.set(Instant.parse("2026-11-25T14:00:00Z"));
        runs.fired("shop", now.get());                          // third of the day: maximum reached

        assertThat(launched).hasSize(2).allSatisfy(o -> assertThat(o.dryRun()).isFalse());
        assertThat(skippedCategories).containsExactly(SkipReason.OUTSIDE_WINDOW, SkipReason.MIN_TIME, SkipReason.HALTED, SkipReason.MAX_PER_DAY);
        List<RunRecord> skipped = history().stream().filter(r -> r.status() == RunStatus.SKIPPED)
                .sorted(java.util.Comparator.comparing(RunRecord::started)).toList();
        assertThat(skipped).extracting(RunRecord::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("outside the kill window MON,TUE,WED,THU,FRI 09:00-15:00 UTC (it is Wed 08:00)"),
                r -> assertThat(r).contains("minimum time between kills"),
                r -> assertThat(r).startsWith("halted by alice").contains("payments incident"),
                r -> assertThat(r).contains("maximum kills per day (2)"));
        assertThat(skipped).allSatisfy(r -> {
            assertThat(r.trigger()).isEqualTo("schedule:shop");
            assertThat(r.experiment()).isEqualTo("kill-one");
        });
    }

    @Test
    @DisplayName("a schedule guard works as an engine RunGuard for runs triggered by a schedule, and lets other runs pass")
    void asEngineGuard() {
        schedules.put("shop", SchedulesForTests.cron("shop", "0 0 * * * ?", Optional.of(TestSchedules.window("UTC", 9, 15)), KillLimits.NONE, true));
        Clock eightAm = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
        dev.andon.core.engine.RunGuard guard = new WindowGuard().asRunGuard(name -> Optional.ofNullable(schedules.get(name)), eightAm);

        assertThat(guard.refuse(EXPERIMENT, RunOptions.fresh(1).withTrigger("schedule:shop")))
                .hasValueSatisfying(r -> assertThat(r).startsWith("outside the kill window"));
        assertThat(guard.refuse(EXPERIMENT, RunOptions.fresh(1))).isEmpty();
    }

    @Test
    @DisplayName("a holiday is a skip that names the holiday")
    void holiday() {
        Schedule s = new Schedule(Path.of("x.yaml"), new Metadata("shop", "", Map.of()), Path.of("e.yaml"), Map.of(), true,
                new Cadence.Cron("0 0 10 * * ?", ZoneOffset.UTC), Optional.empty(),
                new QuietDays(List.of(dev.andon.core.scheduler.calendar.CountryHolidays.US), java.util.Set.of(), List.of()),
                KillLimits.NONE, Optional.empty());
        schedules.put("shop", s);
        now.set(Instant.parse("2026-11-26T10:00:00Z"));

        runs().fired("shop", now.get());

        assertThat(launched).isEmpty();
        assertThat(history()).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("no chaos today: holiday: Thanksgiving Day (US)"));
    }

    @Test
    @DisplayName("a missed firing is recorded with the local time nobody ran it, and an unknown schedule is a skip too")
    void missedAndUnknown() {
        schedules.put("shop", SchedulesForTests.cron("shop", "0 42 10 * * ?", Optional.empty(), KillLimits.NONE, true));
        ScheduledRuns runs = runs();

        runs.missed("shop", Instant.parse("2026-11-25T10:42:00Z"));
        runs.fired("gone", now.get());

        assertThat(history()).extracting(RunRecord::reason).containsExactlyInAnyOrder(
                "missed: no node was running at 2026-11-25 10:42 UTC; not run late",
                "schedule 'gone' is not loaded on node node-1 (give every node the same schedule files)");
        assertThat(skippedCategories).containsExactlyInAnyOrder(SkipReason.MISSED, SkipReason.UNKNOWN_SCHEDULE);
    }
}
