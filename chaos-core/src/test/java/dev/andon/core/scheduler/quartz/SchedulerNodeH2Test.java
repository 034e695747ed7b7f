package dev.andon.core.scheduler.quartz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.andon.core.scheduler.KillLimits;
import dev.andon.core.scheduler.Schedule;
import dev.andon.core.scheduler.SchedulesForTests;
import dev.andon.core.store.StoreConfig;
import dev.andon.core.store.jdbc.JdbcAndonStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("scheduler node on embedded H2")
class SchedulerNodeH2Test {

    @TempDir
    Path dataDir;

    private JdbcAndonStore store;
    private final List<RecordingHandler.Firing> fired = RecordingHandler.list();
    private final List<RecordingHandler.Firing> missed = RecordingHandler.list();

    @BeforeEach
    void open() {
        store = JdbcAndonStore.open(StoreConfig.h2(dataDir));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SchedulerNode node(String id, Duration misfireThreshold) {
        return SchedulerNode.create(store.dataSource(), false,
                SchedulerNodeConfig.defaults(id, 1).withMisfireThreshold(misfireThreshold).withClusterCheckin(Duration.ofSeconds(1)),
                new RecordingHandler(id, fired, missed), Clock.systemUTC());
    }

    @Test
    @DisplayName("fires a cron schedule every second from the JDBC job store and reports its next fire time")
    void firesCron() throws Exception {
        Schedule everySecond = SchedulesForTests.cron("tick", "* * * * * ?", Optional.empty(), KillLimits.NONE, true);
        try (SchedulerNode node = node("h2-a", Duration.ofSeconds(60))) {
            node.sync(List.of(everySecond));
            node.start();

            await().atMost(Duration.ofSeconds(15)).until(() -> fired.size() >= 3);

            assertThat(fired).extracting(RecordingHandler.Firing::scheduledAt).doesNotHaveDuplicates();
            assertThat(fired).allSatisfy(f -> assertThat(f.schedule()).isEqualTo("tick"));
            assertThat(node.nextFireTimes().get("tick")).hasValueSatisfying(t -> assertThat(t).isAfter(Instant.now().minusSeconds(2)));
        }
        assertThat(missed).isEmpty();
    }

    @Test
    @DisplayName("removes the triggers of a schedule that is no longer given, and keeps an unchanged one's")
    void syncRemoves() throws Exception {
        Schedule a = SchedulesForTests.cron("a", "0 0 3 * * ?", Optional.empty(), KillLimits.NONE, true);
        Schedule b = SchedulesForTests.cron("b", "0 0 4 * * ?", Optional.empty(), KillLimits.NONE, true);
        try (SchedulerNode node = node("h2-b", Duration.ofSeconds(60))) {
            node.sync(List.of(a, b));
            Instant nextA = node.nextFireTimes().get("a").orElseThrow();

            node.sync(List.of(a));

            assertThat(node.nextFireTimes()).containsOnlyKeys("a");
            assertThat(node.nextFireTimes().get("a")).hasValue(nextA);
        }
    }

    @Test
    @DisplayName("a Chaos Monkey schedule is planned once per day at the planner's minute, however many nodes plan it")
    void monkeyPlannedOnce() throws Exception {
        // A one-minute window opening at the next full minute: the planner can only pick its first minute.
        java.time.ZonedDateTime open = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(2).withSecond(0).withNano(0);
        dev.andon.core.scheduler.KillWindow window = new dev.andon.core.scheduler.KillWindow(java.util.EnumSet.allOf(java.time.DayOfWeek.class),
                open.toLocalTime(), open.toLocalTime().plusMinutes(1), java.time.ZoneOffset.UTC);
        org.junit.jupiter.api.Assumptions.assumeTrue(open.toLocalTime().isBefore(java.time.LocalTime.of(23, 57)), "not across midnight");
        Schedule monkey = SchedulesForTests.monkey("monkey", 1, window);
        try (SchedulerNode a = node("h2-m1", Duration.ofSeconds(60)); SchedulerNode b = node("h2-m2", Duration.ofSeconds(60))) {
            a.sync(List.of(monkey));
            b.sync(List.of(monkey));

            assertThat(a.nextFireTimes().get("monkey")).hasValue(open.toInstant());
            assertThat(a.plannedKills("monkey")).containsExactly(open.toInstant());
            assertThat(a.nextPlan("monkey")).hasValueSatisfying(t -> assertThat(t).isAfter(Instant.now()));
        }
    }

    @Test
    @DisplayName("a firing missed while no node ran is recorded as missed, not run late in a burst")
    void misfire() throws Exception {
        Schedule everySecond = SchedulesForTests.cron("tick", "* * * * * ?", Optional.empty(), KillLimits.NONE, true);
        Instant registered;
        try (SchedulerNode node = node("h2-c", Duration.ofSeconds(1))) {
            node.sync(List.of(everySecond));
            registered = Instant.now();
            // The node exists but is not started: for the cluster, no node is running. Let firings pass unserved.
            await().pollDelay(Duration.ofMillis(3500)).atMost(Duration.ofSeconds(5)).until(() -> true);
            Instant started = Instant.now();
            node.start();

            await().atMost(Duration.ofSeconds(15)).until(() -> !missed.isEmpty() && !fired.isEmpty());

            assertThat(missed.get(0).scheduledAt()).isBetween(registered.minusSeconds(1), started);
            // Nothing that was due while down ran late: every firing is for a time after the node started (less
            // the misfire threshold, within which Quartz still counts a firing as on time).
            assertThat(fired).allSatisfy(f -> assertThat(f.scheduledAt()).isAfterOrEqualTo(started.minusSeconds(1)));
        }
    }
}
