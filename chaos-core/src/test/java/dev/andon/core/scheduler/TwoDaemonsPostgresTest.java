package dev.andon.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.andon.core.scheduler.quartz.SchedulerNodeConfig;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.store.EmbeddedPostgresExtension;
import dev.andon.core.store.HistoryQuery;
import dev.andon.core.store.NodeIdentity;
import dev.andon.core.store.PostgresServer;
import dev.andon.core.store.RunRecord;
import dev.andon.core.store.RunStatus;
import dev.andon.core.store.StoreConfig;
import dev.andon.core.store.StoreSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("two daemons sharing PostgreSQL, end to end")
@ExtendWith(EmbeddedPostgresExtension.class)
class TwoDaemonsPostgresTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("an unleashed every-second schedule on two nodes kills its target exactly once; every later firing is a min-time skip")
    void killsOnceAcrossNodes(PostgresServer postgres) throws Exception {
        String marker = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 900_000));
        Process sleeper = new ProcessBuilder("sh", "-c", "sleep 120; echo andon-two-nodes-" + marker).start();
        Path schedules = Files.createDirectories(dir.resolve("schedules"));
        Files.writeString(schedules.resolve("kill.yaml"), """
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata: { name: kill-sleeper }
                spec:
                  targets:
                    sleepers:
                      provider: local.process
                      selector: { commandMatches: "andon-two-nodes-%s" }
                      mode: count(1)
                  method:
                    - action: process.kill
                      target: sleepers
                      signal: KILL
                """.formatted(marker));
        Files.writeString(schedules.resolve("tick.yaml"), """
                apiVersion: andon.dev/v1
                kind: Schedule
                metadata: { name: tick }
                spec:
                  experiment: kill.yaml
                  cron: "* * * * * ?"
                  leashed: false
                  minTimeBetweenKills: 1h
                """);
        StoreConfig db = postgres.freshDatabase();
        List<String> said = new CopyOnWriteArrayList<>();
        try (StoreSession storeA = StoreSession.open(db, NodeIdentity.current("node-a", "localhost"), Clock.systemUTC());
                StoreSession storeB = StoreSession.open(db, NodeIdentity.current("node-b", "localhost"), Clock.systemUTC())) {
            try (ScheduleDaemon a = daemon(storeA, "node-a", schedules, said); ScheduleDaemon b = daemon(storeB, "node-b", schedules, said)) {
                a.start();
                b.start();

                await().atMost(Duration.ofSeconds(30)).until(() -> !sleeper.isAlive());
                await().atMost(Duration.ofSeconds(30)).until(() -> history(storeA).stream().filter(r -> r.status() == RunStatus.SKIPPED).count() >= 4);
            }
            List<RunRecord> runs = history(storeA);
            assertThat(runs.stream().filter(r -> r.status() != RunStatus.SKIPPED)).as("%s", said).singleElement()
                    .satisfies(r -> assertThat(r.selectedTargets()).singleElement().asString().contains(Long.toString(sleeper.pid())));
            assertThat(runs.stream().filter(r -> r.status() == RunStatus.SKIPPED))
                    .allSatisfy(r -> assertThat(r.reason()).contains("minimum time between kills"));
            assertThat(runs).extracting(r -> r.owner().node()).isSubsetOf("node-a", "node-b");
        } finally {
            sleeper.destroyForcibly();
        }
    }

    private ScheduleDaemon daemon(StoreSession store, String node, Path schedules, List<String> said) {
        ScheduleDaemon.Settings settings = new ScheduleDaemon.Settings(schedules, SchedulerNodeConfig.defaults(node, 1)
                .withClusterCheckin(Duration.ofSeconds(1)), Duration.ofSeconds(1), dir.resolve("journals"));
        return new ScheduleDaemon(store, PluginRegistry.load(), settings, Clock.systemUTC(), ScheduleDaemon.Observers.NONE,
                line -> said.add(node + ": " + line));
    }

    private static List<RunRecord> history(StoreSession store) {
        return store.store().runs().query(HistoryQuery.all().limit(1000));
    }
}
