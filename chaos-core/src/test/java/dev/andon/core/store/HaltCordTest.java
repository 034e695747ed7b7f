package dev.andon.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.StopSignal;
import dev.andon.core.store.jdbc.JdbcAndonStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the andon cord")
class HaltCordTest {

    static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dataDir;

    private AndonStore store;
    private AndonStore otherProcess;
    private final MutableClock clock = new MutableClock(T0);

    @BeforeEach
    void open() {
        store = JdbcAndonStore.open(StoreConfig.h2(dataDir));
        otherProcess = JdbcAndonStore.open(StoreConfig.h2(dataDir));
    }

    @AfterEach
    void close() {
        store.close();
        otherProcess.close();
    }

    @Test
    @DisplayName("stops a run once a halt is recorded through another connection, with who, when and why")
    void haltStopsRuns() {
        HaltCord cord = new HaltCord(store.halts(), clock);
        assertThat(cord.poll()).isEmpty();

        otherProcess.halts().halt("alice", "payments incident", T0);
        clock.advance(HaltCord.DEFAULT_READ_INTERVAL);

        assertThat(cord.poll()).hasValueSatisfying(stop -> {
            assertThat(stop.reason()).isEqualTo("halted by alice at 2026-11-26T12:00:00Z: payments incident");
            assertThat(stop.interrupted()).as("the cord aborts, it does not interrupt").isFalse();
        });
    }

    @Test
    @DisplayName("reads the store at most once per read interval")
    void readsAtMostOncePerInterval() {
        HaltCord cord = new HaltCord(store.halts(), clock);
        assertThat(cord.poll()).isEmpty();

        otherProcess.halts().halt("alice", "incident", T0);
        clock.advance(Duration.ofMillis(100));
        assertThat(cord.poll()).as("cached within the interval").isEmpty();
        clock.advance(Duration.ofMillis(100));
        assertThat(cord.poll()).isPresent();
    }

    @Test
    @DisplayName("stops runs when the cord has been unreadable for longer than the grace period")
    void failsSafeWhenTheStoreIsGone() {
        HaltCord cord = new HaltCord(otherProcess.halts(), clock);
        assertThat(cord.poll()).isEmpty();
        otherProcess.close();

        clock.advance(Duration.ofSeconds(1));
        assertThat(cord.poll()).as("a short outage is ridden out").isEmpty();
        clock.advance(HaltCord.DEFAULT_UNREADABLE_FOR);
        assertThat(cord.poll()).hasValueSatisfying(stop -> assertThat(stop.reason()).startsWith("cannot read the andon cord"));
    }

    @Test
    @DisplayName("the halt guard refuses new runs while halted and lets them through after resume")
    void guardRefusesWhileHalted() {
        HaltGuard guard = new HaltGuard(store.halts());
        RunOptions options = RunOptions.fresh(1L).withStopSignal(StopSignal.NEVER);
        assertThat(guard.refuse(TestExperiments.named("kill-one"), options)).isEmpty();

        otherProcess.halts().halt("alice", "payments incident", T0);
        assertThat(guard.refuse(TestExperiments.named("kill-one"), options))
                .contains("halted by alice at 2026-11-26T12:00:00Z: payments incident");

        otherProcess.halts().resume("bob", "incident closed", T0.plusSeconds(60));
        assertThat(guard.refuse(TestExperiments.named("kill-one"), options)).isEmpty();
    }
}
