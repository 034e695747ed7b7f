package dev.andon.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.store.jdbc.JdbcAndonStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("interrupts and the embedded store")
class InterruptSafetyTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("interrupting threads while they write (executor shutdownNow, Quartz shutdown) never closes the H2 database")
    void interruptsDoNotCloseTheDatabase() throws Exception {
        try (AndonStore store = JdbcAndonStore.open(StoreConfig.h2(dataDir))) {
            NodeIdentity node = new NodeIdentity("n", "h", 1, Optional.empty());
            for (int round = 0; round < 20; round++) {
                int r = round;
                Thread writer = new Thread(() -> {
                    for (int i = 0; !Thread.currentThread().isInterrupted() && i < 10_000; i++) {
                        try {
                            store.runs().started(new RunStart("r" + r + "-" + i, "e", "cli", node, Instant.now(), 1L, false, Optional.empty()));
                            store.runs().heartbeat(List.of("r" + r + "-" + i), Instant.now());
                        } catch (StoreException expected) {
                            // the interrupted statement itself may fail; the database must survive it
                            return;
                        }
                    }
                });
                writer.start();
                Thread.sleep(20);
                writer.interrupt();
                writer.join();
            }

            store.halts().halt("alice", "still writable", Instant.now());
            assertThat(store.halts().currentHalt()).isPresent();
            assertThat(store.runs().query(HistoryQuery.all().limit(1))).hasSize(1);
        }
    }
}
