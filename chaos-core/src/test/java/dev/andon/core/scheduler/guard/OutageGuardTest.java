package dev.andon.core.scheduler.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.load.ProbeReading;
import dev.andon.core.model.Experiment;
import dev.andon.core.model.Metadata;
import dev.andon.core.scheduler.Schedule;
import dev.andon.core.scheduler.ScheduleLoader;
import dev.andon.core.scheduler.SkipReason;
import dev.andon.core.spi.PluginRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("outage guard with a real HTTP probe")
class OutageGuardTest {

    private static final Experiment EXPERIMENT = new Experiment("test", new Metadata("kill-one", "", Map.of()), Map.of(), null, List.of(),
            null, null, null, Map.of(), Map.of(), List.of());

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final PluginRegistry registry = PluginRegistry.load();

    @BeforeEach
    void server() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Schedule schedule() throws Exception {
        Files.writeString(dir.resolve("experiment.yaml"), "apiVersion: andon.dev/v1\nkind: Experiment\n");
        Path file = dir.resolve("schedule.yaml");
        Files.writeString(file, """
                apiVersion: andon.dev/v1
                kind: Schedule
                metadata: { name: shop }
                spec:
                  experiment: experiment.yaml
                  cron: "0 0 10 * * ?"
                  outageProbe:
                    name: storefront-up
                    provider: http
                    url: http://127.0.0.1:%d/
                    timeout: 2s
                    expect: { status: 200 }
                """.formatted(server.getAddress().getPort()));
        return new ScheduleLoader((node, what, problems) -> ProbeReading.read(registry, node, what, problems)).load(file);
    }

    @Test
    @DisplayName("a healthy system passes; an outage probe answering 503 skips the run as an outage in progress")
    void outage() throws Exception {
        Schedule schedule = schedule();
        OutageGuard guard = new OutageGuard(registry, Clock.systemUTC());

        assertThat(guard.check(schedule, EXPERIMENT, RunOptions.fresh(1), Instant.now())).isEmpty();

        status.set(503);
        Optional<SkipReason> refusal = guard.check(schedule, EXPERIMENT, RunOptions.fresh(2), Instant.now());

        assertThat(refusal).hasValueSatisfying(r -> {
            assertThat(r.category()).isEqualTo(SkipReason.OUTAGE);
            assertThat(r.message()).startsWith("outage in progress: outage probe 'storefront-up' failed: ").contains("503");
        });
    }

    @Test
    @DisplayName("an outage probe is validated like a hypothesis probe: an unknown probe is a file:line:column error")
    void validated() throws Exception {
        Files.writeString(dir.resolve("experiment.yaml"), "apiVersion: andon.dev/v1\nkind: Experiment\n");
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                apiVersion: andon.dev/v1
                kind: Schedule
                metadata: { name: shop }
                spec:
                  experiment: experiment.yaml
                  cron: "0 0 10 * * ?"
                  outageProbe: { provider: htp, url: "http://127.0.0.1:1/" }
                """);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ScheduleLoader((node, what, problems) -> ProbeReading.read(registry, node, what, problems)).load(file))
                .hasMessageContaining(file + ":7:").hasMessageContaining("unknown probe 'htp'");
    }
}
