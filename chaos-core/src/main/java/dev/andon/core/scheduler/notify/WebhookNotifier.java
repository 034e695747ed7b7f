package dev.andon.core.scheduler.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.engine.Outcome;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.model.Experiment;
import dev.andon.core.scheduler.SchedulerEvents;
import dev.andon.core.store.CordEvent;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts run started, deviated, aborted, failed, halt and resume to webhooks. Posting is asynchronous with a
 * timeout: a slow or failing endpoint never blocks or fails a run. Its failures are counted and logged here,
 * not thrown, and posts beyond {@link #MAX_IN_FLIGHT} are dropped (and counted) rather than queued without end.
 */
public final class WebhookNotifier implements SchedulerEvents, AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int MAX_IN_FLIGHT = 64;

    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<WebhookTarget> targets;
    private final Duration timeout;
    private final String node;
    private final ExecutorService executor;
    private final HttpClient client;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public WebhookNotifier(List<WebhookTarget> targets, Duration timeout, String node) {
        this.targets = List.copyOf(targets);
        this.timeout = timeout;
        this.node = node;
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "andon-webhooks");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().connectTimeout(timeout).executor(executor).build();
    }

    /** The run events to notify of; add it to every run's listeners. */
    public RunListener runListener() {
        return new RunListener() {
            private String trigger = "cli";

            @Override
            public void runStarted(Experiment experiment, RunOptions options, Instant at) {
                trigger = options.trigger();
                Map<String, Object> event = event("run.started", at);
                event.put("runId", options.runId());
                event.put("experiment", experiment.name());
                event.put("trigger", options.trigger());
                event.put("dryRun", options.dryRun());
                post(event, (options.dryRun() ? ":dog: leashed run " : ":rotating_light: chaos run ") + "*" + experiment.name()
                        + "* started (" + options.trigger() + ", run " + options.runId() + ")");
            }

            @Override
            public void runFinished(RunResult result) {
                if (result.outcome() == Outcome.HELD || result.outcome() == Outcome.INTERRUPTED) {
                    return;
                }
                Map<String, Object> event = event("run." + result.outcome().spelling(), result.ended());
                event.put("runId", result.runId());
                event.put("experiment", result.experiment());
                event.put("trigger", trigger);
                event.put("outcome", result.outcome().spelling());
                event.put("reason", result.reason());
                result.timeToRecovery().ifPresent(t -> event.put("timeToRecoveryMs", t.toMillis()));
                post(event, ":warning: *" + result.experiment() + "* " + result.outcome().spelling() + ": " + result.reason()
                        + " (run " + result.runId() + ")");
            }
        };
    }

    @Override
    public void cordChanged(CordEvent cord) {
        Map<String, Object> event = event(cord.kind() == CordEvent.Kind.HALT ? "halt" : "resume", cord.at());
        event.put("who", cord.who());
        event.put("why", cord.why());
        post(event, cord.kind() == CordEvent.Kind.HALT
                ? ":octagonal_sign: andon cord pulled by " + cord.who() + ": " + cord.why() + " (all chaos stopped)"
                : ":white_check_mark: chaos resumed by " + cord.who() + ": " + cord.why());
    }

    private Map<String, Object> event(String type, Instant at) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", type);
        event.put("at", at.toString());
        event.put("node", node);
        return event;
    }

    private void post(Map<String, Object> event, String text) {
        for (WebhookTarget target : targets) {
            if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
                inFlight.decrementAndGet();
                failed.incrementAndGet();
                LOG.warn("webhook {}: {} dropped, {} posts already in flight", target.uri(), event.get("event"), MAX_IN_FLIGHT);
                continue;
            }
            String body;
            try {
                body = JSON.writeValueAsString(target.format() == WebhookTarget.Format.SLACK ? Map.of("text", text) : event);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("event not serialisable: " + event, e);
            }
            HttpRequest request = HttpRequest.newBuilder(target.uri()).timeout(timeout)
                    .header("Content-Type", "application/json").header("User-Agent", "andon")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            CompletableFuture<HttpResponse<Void>> sent;
            try {
                sent = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            } catch (RuntimeException e) {
                inFlight.decrementAndGet();
                failed.incrementAndGet();
                LOG.warn("webhook {}: {} not sent: {}", target.uri(), event.get("event"), e.toString());
                continue;
            }
            sent.whenComplete((response, error) -> {
                inFlight.decrementAndGet();
                if (error != null) {
                    failed.incrementAndGet();
                    LOG.warn("webhook {}: {} failed: {}", target.uri(), event.get("event"), error.toString());
                } else if (response.statusCode() >= 300) {
                    failed.incrementAndGet();
                    LOG.warn("webhook {}: {} answered HTTP {}", target.uri(), event.get("event"), response.statusCode());
                } else {
                    delivered.incrementAndGet();
                }
            });
        }
    }

    public long delivered() {
        return delivered.get();
    }

    /** Posts that failed, timed out, were refused (HTTP 3xx-5xx) or were dropped. */
    public long failed() {
        return failed.get();
    }

    /** Gives posts in flight a moment to finish, then stops. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
    }
}
