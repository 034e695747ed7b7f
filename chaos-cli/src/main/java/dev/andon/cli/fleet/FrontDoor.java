package dev.andon.cli.fleet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The fleet's one port: forwards each GET to the next live replica, round-robin, and tries the others
 * when one does not answer, so the front keeps answering as long as one replica does (503 otherwise).
 * {@value #STATUS_PATH} answers with the number of replicas that answer now.
 */
final class FrontDoor implements AutoCloseable {

    /** Replicas answer a few bytes from memory on loopback; one silent for this long (stopped, hung) is skipped. */
    private static final Duration REPLICA_TIMEOUT = Duration.ofSeconds(1);
    static final String REPLICA_HEADER = "X-Andon-Replica";
    /** The fleet's own page: how many replicas answer, for recovery probes ({@code jsonPath: $.up}). */
    static final String STATUS_PATH = "/_fleet";
    /** A health check of a replica on loopback; short so that the status page itself stays fast. */
    private static final Duration HEALTH_TIMEOUT = Duration.ofMillis(500);

    private final int expectedReplicas;
    private final Supplier<List<RunningReplica>> replicas;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(REPLICA_TIMEOUT).build();
    private final ExecutorService handlers = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "andon-fleet-front");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpServer server;

    FrontDoor(int port, int expectedReplicas, Supplier<List<RunningReplica>> replicas) throws IOException {
        this.expectedReplicas = expectedReplicas;
        this.replicas = replicas;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (BindException e) {
            handlers.shutdownNow();
            throw new BindException("port " + port + " is in use; choose another port, or 0 for any free port");
        }
        server.createContext("/", this::forward);
        server.createContext(STATUS_PATH, this::status);
        server.setExecutor(handlers);
        server.start();
    }

    /**
     * Sends one health check to every replica and waits for the answers: the first request of a fresh JVM
     * loads the whole HTTP client, which would otherwise make the first status page report no replica up.
     */
    void warmUp() {
        replicas.get().stream().map(this::answers).toList().forEach(CompletableFuture::join);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "text/plain", "the practice fleet answers GET only\n".getBytes(StandardCharsets.UTF_8), null);
                return;
            }
            List<RunningReplica> live = replicas.get();
            int first = next.getAndIncrement();
            for (int i = 0; i < live.size(); i++) {
                RunningReplica replica = live.get(Math.floorMod(first + i, live.size()));
                if (!replica.isAlive()) {
                    continue;
                }
                try {
                    HttpResponse<byte[]> answer = client.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replica.port() + exchange.getRequestURI()))
                                    .timeout(REPLICA_TIMEOUT).GET().build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    String type = answer.headers().firstValue("Content-Type").orElse("application/octet-stream");
                    reply(exchange, answer.statusCode(), type, answer.body(), replica.name());
                    return;
                } catch (IOException e) {
                    // This replica died or hung since the list was taken: the next one may answer.
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            reply(exchange, 503, "text/plain", "no replica of the practice fleet answered\n".getBytes(StandardCharsets.UTF_8), null);
        }
    }

    /** {@code {"replicas":3,"up":2,"members":[{"name":"replica-1","pid":4242,"port":39001,"up":true},...]}}. */
    private void status(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<RunningReplica> all = replicas.get();
            List<CompletableFuture<Boolean>> checks = all.stream().map(this::answers).toList();
            StringBuilder members = new StringBuilder();
            int up = 0;
            for (int i = 0; i < all.size(); i++) {
                RunningReplica replica = all.get(i);
                boolean answered = checks.get(i).join();
                up += answered ? 1 : 0;
                members.append(i == 0 ? "" : ",")
                        .append("{\"name\":\"").append(replica.name())
                        .append("\",\"pid\":").append(replica.pid())
                        .append(",\"port\":").append(replica.port())
                        .append(",\"up\":").append(answered).append('}');
            }
            String body = "{\"replicas\":" + expectedReplicas + ",\"up\":" + up + ",\"members\":[" + members + "]}\n";
            reply(exchange, 200, "application/json", body.getBytes(StandardCharsets.UTF_8), null);
        }
    }

    /** Whether the replica answers 200 now; a stopped or dying replica does not. */
    private CompletableFuture<Boolean> answers(RunningReplica replica) {
        if (!replica.isAlive()) {
            return CompletableFuture.completedFuture(false);
        }
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + replica.port() + "/"))
                .timeout(HEALTH_TIMEOUT).GET().build();
        return client.sendAsync(health, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() == 200)
                .completeOnTimeout(false, HEALTH_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS)
                .exceptionally(failure -> false);
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body, String replica) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        if (replica != null) {
            exchange.getResponseHeaders().add(REPLICA_HEADER, replica);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
