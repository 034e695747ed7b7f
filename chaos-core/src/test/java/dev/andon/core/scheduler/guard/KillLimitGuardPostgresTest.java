package dev.andon.core.scheduler.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.engine.RunOptions;
import dev.andon.core.model.Experiment;
import dev.andon.core.model.Metadata;
import dev.andon.core.scheduler.KillLimits;
import dev.andon.core.scheduler.MinimumGap;
import dev.andon.core.scheduler.Schedule;
import dev.andon.core.scheduler.SchedulesForTests;
import dev.andon.core.scheduler.SkipReason;
import dev.andon.core.store.EmbeddedPostgresExtension;
import dev.andon.core.store.PostgresServer;
import dev.andon.core.store.StoreConfig;
import dev.andon.core.store.jdbc.JdbcAndonStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("minimum time between kills on PostgreSQL")
@ExtendWith(EmbeddedPostgresExtension.class)
class KillLimitGuardPostgresTest {

    static final Experiment EXPERIMENT = new Experiment("test", new Metadata("kill-one", "", Map.of()), Map.of(), null, List.of(),
            null, null, null, Map.of(), Map.of(), List.of());

    @Test
    @DisplayName("of many nodes checking at the same instant, exactly one passes; the others are refused with the reason")
    void concurrentNodes(PostgresServer postgres) throws Exception {
        StoreConfig db = postgres.freshDatabase();
        Schedule schedule = SchedulesForTests.cron("shop", "0 * * * * ?", Optional.empty(),
                new KillLimits(Optional.of(MinimumGap.of(Duration.ofHours(1))), Optional.of(3)), false);
        int nodes = 6;
        List<JdbcAndonStore> stores = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            for (int i = 0; i < nodes; i++) {
                stores.add(JdbcAndonStore.open(db));
            }
            CountDownLatch go = new CountDownLatch(1);
            Instant now = Instant.parse("2026-11-26T10:00:00Z");
            List<Future<Optional<SkipReason>>> answers = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                KillLimitGuard guard = new KillLimitGuard(stores.get(i).terminations());
                RunOptions options = RunOptions.fresh(i);
                Callable<Optional<SkipReason>> check = () -> {
                    go.await();
                    return guard.check(schedule, EXPERIMENT, options, now);
                };
                answers.add(pool.submit(check));
            }
            go.countDown();
            List<Optional<SkipReason>> results = new ArrayList<>();
            for (Future<Optional<SkipReason>> f : answers) {
                results.add(f.get());
            }

            assertThat(results.stream().filter(Optional::isEmpty)).hasSize(1);
            assertThat(results.stream().flatMap(Optional::stream)).hasSize(nodes - 1).allSatisfy(r -> {
                assertThat(r.category()).isEqualTo(SkipReason.MIN_TIME);
                assertThat(r.message()).contains("minimum time between kills").contains("(minTimeBetweenKills: 1h)");
            });
            assertThat(stores.get(0).terminations().since(now.minusSeconds(1), Optional.of("schedule:shop"))).hasSize(1);
        } finally {
            pool.shutdownNow();
            stores.forEach(JdbcAndonStore::close);
        }
    }
}
