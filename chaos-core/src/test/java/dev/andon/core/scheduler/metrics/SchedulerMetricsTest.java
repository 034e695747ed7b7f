package dev.andon.core.scheduler.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.engine.ActionRecord;
import dev.andon.core.engine.Outcome;
import dev.andon.core.engine.RunResult;
import dev.andon.core.scheduler.SkipReason;
import dev.andon.core.store.CordEvent;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Prometheus metrics")
class SchedulerMetricsTest {

    @Test
    @DisplayName("serves runs by outcome, skips by reason, kills, halts, time to recovery and next fire times over HTTP")
    void scrape() throws Exception {
        SchedulerMetrics metrics = new SchedulerMetrics();
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        RunResult held = new RunResult("r1", "kill-one", Outcome.HELD, "held", true, Optional.of(Duration.ofMillis(2300)), false, 1, false,
                List.of(), start, start.plusSeconds(10));
        metrics.runListener().actionFinished(new ActionRecord("method", "process.kill", Optional.empty(), start, start,
                ActionRecord.Status.DONE, "killed", Map.of(), Optional.empty()));
        metrics.runListener().actionFinished(new ActionRecord("method", "process.kill", Optional.empty(), start, start,
                ActionRecord.Status.REHEARSED, "would kill", Map.of(), Optional.empty()));
        metrics.runListener().runFinished(held);
        metrics.finished("shop", held);
        metrics.skipped("shop", new SkipReason(SkipReason.OUTSIDE_WINDOW, "outside"), start);
        metrics.skipped("shop", new SkipReason(SkipReason.OUTSIDE_WINDOW, "outside"), start);
        metrics.cordChanged(new CordEvent(CordEvent.Kind.HALT, "alice", "incident", start));
        metrics.nextFireTimes(Map.of("shop", Optional.of(Instant.ofEpochSecond(1_800_000_000L))));

        try (MetricsServer server = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), metrics::scrape)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            String text = response.body();
            assertThat(text).contains("andon_runs_total{outcome=\"held\",trigger=\"schedule:shop\"} 1.0");
            assertThat(text).contains("andon_skips_total{reason=\"outside-window\",schedule=\"shop\"} 2.0");
            assertThat(text).contains("andon_kills_total{action=\"process.kill\"} 1.0");
            assertThat(text).contains("andon_halts_total 1.0").contains("andon_halted 1.0");
            assertThat(text).contains("andon_time_to_recovery_seconds_count 1").contains("andon_time_to_recovery_seconds_bucket{le=");
            assertThat(text).contains("andon_schedule_next_fire_timestamp_seconds{schedule=\"shop\"} 1.8E9");
        }
    }
}
