package dev.andon.core.scheduler.quartz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.andon.core.scheduler.KillLimits;
import dev.andon.core.scheduler.Schedule;
import dev.andon.core.scheduler.SchedulesForTests;
import dev.andon.core.store.EmbeddedPostgresExtension;
import dev.andon.core.store.PostgresServer;
import dev.andon.core.store.StoreConfig;
import dev.andon.core.store.jdbc.JdbcAndonStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("two scheduler nodes sharing PostgreSQL")
@ExtendWith(EmbeddedPostgresExtension.class)
class ClusteredSchedulerPostgresTest {

    private JdbcAndonStore storeA;
    private JdbcAndonStore storeB;
    private final List<RecordingHandler.Firing> fired = RecordingHandler.list();
    private final List<RecordingHandler.Firing> missed = RecordingHandler.list();

    @BeforeEach
    void databases(PostgresServer postgres) {
        StoreConfig db = postgres.freshDatabase();
        // Each node has its own pool, as two processes would.
        storeA = JdbcAndonStore.open(db);
        storeB = JdbcAndonStore.open(db);
    }

    @AfterEach
    void close() {
        storeA.close();
        storeB.close();
    }

    private SchedulerNode node(String id, JdbcAndonStore store) {
        return SchedulerNode.create(store.dataSource(), true,
                SchedulerNodeConfig.defaults(id, 1).withClusterCheckin(Duration.ofSeconds(1)),
                new RecordingHandler(id, fired, missed), Clock.systemUTC());
    }

    @Test
    @DisplayName("each firing runs on exactly one node, and after one node shuts down the survivor goes on")
    void exactlyOnceAndFailover() throws Exception {
        List<Schedule> schedules = List.of(
                SchedulesForTests.cron("tick", "* * * * * ?", Optional.empty(), KillLimits.NONE, true),
                SchedulesForTests.cron("tock", "* * * * * ?", Optional.empty(), KillLimits.NONE, true));
        SchedulerNode a = node("node-a", storeA);
        try (SchedulerNode b = node("node-b", storeB)) {
            a.sync(schedules);
            b.sync(schedules);
            a.start();
            b.start();

            await().atMost(Duration.ofSeconds(30)).until(() -> fired.size() >= 10);

            Map<String, Long> perFiring = fired.stream().collect(Collectors.groupingBy(f -> f.schedule() + "@" + f.scheduledAt(), Collectors.counting()));
            assertThat(perFiring.values()).as("firings %s", fired).allMatch(n -> n == 1);

            a.close();
            Instant afterA = Instant.now();
            await().atMost(Duration.ofSeconds(30)).until(() -> fired.stream().filter(f -> f.scheduledAt().isAfter(afterA.plusSeconds(1))).count() >= 4);

            assertThat(fired.stream().filter(f -> f.scheduledAt().isAfter(afterA.plusSeconds(1))))
                    .allSatisfy(f -> assertThat(f.node()).isEqualTo("node-b"));
            Map<String, Long> after = fired.stream().collect(Collectors.groupingBy(f -> f.schedule() + "@" + f.scheduledAt(), Collectors.counting()));
            assertThat(after.values()).allMatch(n -> n == 1);
        } finally {
            a.close();
        }
        assertThat(missed).isEmpty();
    }
}
