package dev.andon.core.scheduler.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.andon.core.engine.Outcome;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.model.Experiment;
import dev.andon.core.model.Metadata;
import dev.andon.core.store.CordEvent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("webhooks")
class WebhookNotifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Experiment EXPERIMENT = new Experiment("test", new Metadata("kill-one", "", Map.of()), Map.of(), null, List.of(),
            null, null, null, Map.of(), Map.of(), List.of());

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void server() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/broken", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.createContext("/stuck", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static RunResult result(RunOptions options, Outcome outcome, String reason) {
        return new RunResult(options.runId(), "kill-one", outcome, reason, outcome == Outcome.DEVIATED, Optional.of(Duration.ofMillis(1500)),
                false, options.seed(), options.dryRun(), List.of(), Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T10:00:09Z"));
    }

    @Test
    @DisplayName("posts run started and deviated as JSON, and a Slack-compatible text to a Slack hook; held runs are quiet")
    void postsEvents() throws Exception {
        try (WebhookNotifier notifier = new WebhookNotifier(List.of(new WebhookTarget(uri("/hook"), WebhookTarget.Format.JSON),
                new WebhookTarget(uri("/hook"), WebhookTarget.Format.SLACK)), Duration.ofSeconds(2), "node-1")) {
            RunListener listener = notifier.runListener();
            RunOptions options = RunOptions.fresh(7).withTrigger("schedule:shop");

            listener.runStarted(EXPERIMENT, options, Instant.parse("2026-11-26T10:00:00Z"));
            listener.runFinished(result(options, Outcome.DEVIATED, "storefront-answers failed: status 503"));
            listener.runFinished(result(RunOptions.fresh(8), Outcome.HELD, "held"));

            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 4);
            List<JsonNode> events = received.stream().map(WebhookNotifierTest::parse).toList();
            assertThat(events).filteredOn(e -> e.has("event")).extracting(e -> e.get("event").asText())
                    .containsExactlyInAnyOrder("run.started", "run.deviated");
            JsonNode deviated = events.stream().filter(e -> e.has("event") && e.get("event").asText().equals("run.deviated")).findFirst().orElseThrow();
            assertThat(deviated.get("trigger").asText()).isEqualTo("schedule:shop");
            assertThat(deviated.get("reason").asText()).isEqualTo("storefront-answers failed: status 503");
            assertThat(deviated.get("timeToRecoveryMs").asLong()).isEqualTo(1500);
            assertThat(events).filteredOn(e -> e.has("text")).extracting(e -> e.get("text").asText())
                    .anySatisfy(t -> assertThat(t).contains("*kill-one* deviated: storefront-answers failed: status 503"));
            assertThat(notifier.delivered()).isEqualTo(4);
            assertThat(notifier.failed()).isZero();
        }
    }

    @Test
    @DisplayName("halt and resume are posted with who and why")
    void cord() {
        try (WebhookNotifier notifier = new WebhookNotifier(List.of(new WebhookTarget(uri("/hook"), WebhookTarget.Format.JSON)),
                Duration.ofSeconds(2), "node-1")) {
            notifier.cordChanged(new CordEvent(CordEvent.Kind.HALT, "alice", "payments incident", Instant.parse("2026-11-26T10:00:00Z")));
            notifier.cordChanged(new CordEvent(CordEvent.Kind.RESUME, "bob", "resolved", Instant.parse("2026-11-26T11:00:00Z")));

            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
            assertThat(received.stream().map(WebhookNotifierTest::parse).map(e -> e.get("event").asText() + " " + e.get("who").asText()
                    + " " + e.get("why").asText())).containsExactlyInAnyOrder("halt alice payments incident", "resume bob resolved");
        }
    }

    @Test
    @DisplayName("a stuck, failing or unreachable webhook never blocks the run and is counted as failed")
    void neverBlocks() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (WebhookNotifier notifier = new WebhookNotifier(List.of(
                new WebhookTarget(uri("/stuck"), WebhookTarget.Format.JSON),
                new WebhookTarget(uri("/broken"), WebhookTarget.Format.JSON),
                new WebhookTarget(URI.create("http://127.0.0.1:" + closedPort + "/hook"), WebhookTarget.Format.JSON)),
                Duration.ofMillis(500), "node-1")) {
            RunOptions options = RunOptions.fresh(1);

            // The stuck endpoint holds its request until the test ends: returning at all proves the run is not held.
            notifier.runListener().runStarted(EXPERIMENT, options, Instant.now());
            notifier.runListener().runFinished(result(options, Outcome.FAILED, "provider unreachable"));

            await().atMost(Duration.ofSeconds(10)).until(() -> notifier.failed() == 6);
            assertThat(notifier.delivered()).isZero();
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
