package dev.andon.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.testing.SimpleRunContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProbesTest {

    private final SimpleRunContext context = new SimpleRunContext();

    @Nested
    class Http {

        private final HttpProbe probe = new HttpProbe();
        private final CountDownLatch release = new CountDownLatch(1);
        private final ExecutorService handlers = Executors.newCachedThreadPool();
        private HttpServer server;

        @BeforeEach
        void startServer() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/ok", exchange -> respond(exchange, 200, "{\"status\":\"green\"}"));
            server.createContext("/missing", exchange -> respond(exchange, 404, "no such page"));
            server.createContext("/echo", exchange -> respond(exchange, 200, exchange.getRequestMethod() + " "
                    + exchange.getRequestHeaders().getFirst("X-Probe") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            server.createContext("/big", exchange -> respond(exchange, 200, "x".repeat(200_000)));
            server.createContext("/moved", exchange -> {
                exchange.getResponseHeaders().add("Location", "/ok");
                respond(exchange, 302, "");
            });
            server.createContext("/slow", exchange -> {
                await300ms();
                respond(exchange, 200, "late");
            });
            server.createContext("/hang", exchange -> {
                awaitRelease();
                respond(exchange, 200, "too late");
            });
            server.setExecutor(handlers);
            server.start();
        }

        @AfterEach
        void stopServer() {
            release.countDown();
            server.stop(0);
            handlers.shutdownNow();
        }

        @Test
        @DisplayName("observes the status and the body of a GET")
        void statusAndBody() {
            ProbeObservation seen = probe.observe(http("/ok"), context);

            assertThat(seen.error()).isEmpty();
            assertThat(seen.values()).containsEntry("status", 200).containsEntry("body", "{\"status\":\"green\"}");
        }

        @Test
        @DisplayName("an error status is an observation, not a failure to observe")
        void errorStatusIsObserved() {
            ProbeObservation seen = probe.observe(http("/missing"), context);

            assertThat(seen.error()).isEmpty();
            assertThat(seen.value("status")).isEqualTo(404);
        }

        @Test
        @DisplayName("measures the latency including the server's delay")
        void measuresLatency() {
            ProbeObservation seen = probe.observe(http("/slow"), context);

            assertThat(seen.value("status")).isEqualTo(200);
            assertThat(seen.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }

        @Test
        @DisplayName("sends the method, headers and body given")
        void sendsMethodHeadersAndBody() {
            Map<String, Object> parameters = new HashMap<>(http("/echo").asMap());
            parameters.put("method", "POST");
            parameters.put("headers", Map.of("X-Probe", "andon"));
            parameters.put("body", "ping");

            ProbeObservation seen = probe.observe(Parameters.of(parameters), context);

            assertThat(seen.value("body")).isEqualTo("POST andon ping");
        }

        @Test
        @DisplayName("keeps only the first 64 KiB of a large body")
        void capsTheBody() {
            ProbeObservation seen = probe.observe(http("/big"), context);

            assertThat(seen.value("status")).isEqualTo(200);
            assertThat((String) seen.value("body")).hasSize(64 * 1024).matches("x+");
        }

        @Test
        @DisplayName("observes a redirect unless followRedirects is set")
        void redirects() {
            Map<String, Object> follow = new HashMap<>(http("/moved").asMap());
            follow.put("followRedirects", true);

            assertThat(probe.observe(http("/moved"), context).value("status")).isEqualTo(302);
            assertThat(probe.observe(Parameters.of(follow), context).values()).containsEntry("status", 200).containsEntry("body", "{\"status\":\"green\"}");
        }

        @Test
        @DisplayName("a server that does not answer within the timeout is a failed observation")
        void timesOut() {
            Map<String, Object> parameters = new HashMap<>(http("/hang").asMap());
            parameters.put("timeout", Duration.ofMillis(200));

            ProbeObservation seen = probe.observe(Parameters.of(parameters), context);

            assertThat(seen.error()).contains("no answer within 200ms: GET " + url("/hang"));
            assertThat(seen.values()).isEmpty();
        }

        @Test
        @DisplayName("a refused connection is a failed observation naming the URL")
        void refused() throws IOException {
            String url = "http://127.0.0.1:" + closedPort() + "/";

            ProbeObservation seen = probe.observe(Parameters.of(Map.of("url", url)), context);

            assertThat(seen.error()).hasValueSatisfying(error -> assertThat(error).startsWith("connection refused: GET " + url));
        }

        @Test
        @DisplayName("rejects a URL without http(s) scheme when the file is checked")
        void checksUrl() {
            assertThat(probe.check(Parameters.of(Map.of("url", "ftp://127.0.0.1/"))))
                    .containsExactly("url must start with http:// or https://, but was 'ftp://127.0.0.1/'");
        }

        private Parameters http(String path) {
            return Parameters.of(Map.of("url", url(path)));
        }

        private String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        private void awaitRelease() {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** A server that is slow on purpose: the delay is the behaviour under test, not a wait for a condition. */
        private void await300ms() {
            try {
                release.await(300, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Nested
    class Tcp {

        private final TcpProbe probe = new TcpProbe();

        @Test
        @DisplayName("a listening port is ok")
        void listening() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                ProbeObservation seen = probe.observe(Parameters.of(Map.of("port", (long) socket.getLocalPort())), context);

                assertThat(seen.error()).isEmpty();
                assertThat(seen.values()).containsEntry("ok", true);
            }
        }

        @Test
        @DisplayName("a closed port is a failed observation naming host and port")
        void closed() throws IOException {
            int port = closedPort();

            ProbeObservation seen = probe.observe(Parameters.of(Map.of("port", (long) port)), context);

            assertThat(seen.error()).contains("connection refused: 127.0.0.1:" + port);
        }

        @Test
        @DisplayName("rejects a port outside 1-65535 when the file is checked")
        void checksPort() {
            assertThat(probe.check(Parameters.of(Map.of("port", 70_000L)))).containsExactly("port must be between 1 and 65535, but was 70000");
        }
    }

    @Nested
    class Command {

        private final CommandProbe probe = new CommandProbe();
        private final SpawnedProcesses spawned = new SpawnedProcesses();

        @AfterEach
        void destroySpawnedProcesses() {
            spawned.close();
        }

        @Test
        @DisplayName("a string runs with sh -c; exit code, stdout and stderr are observed")
        void shellCommand() {
            ProbeObservation seen = probe.observe(Parameters.of(Map.of("command", "echo out; echo err >&2; exit 3")), context);

            assertThat(seen.error()).isEmpty();
            assertThat(seen.values()).containsEntry("exitCode", 3).containsEntry("stdout", "out\n").containsEntry("stderr", "err\n");
        }

        @Test
        @DisplayName("a list runs without a shell and the env map is added to the environment")
        void listCommandWithEnv() {
            ProbeObservation seen = probe.observe(Parameters.of(Map.of(
                    "command", List.of("printenv", "ANDON_PROBE"),
                    "env", Map.of("ANDON_PROBE", "$not-expanded"))), context);

            assertThat(seen.values()).containsEntry("exitCode", 0).containsEntry("stdout", "$not-expanded\n");
        }

        @Test
        @DisplayName("a command that outlives its timeout is a failed observation and its whole tree is killed")
        void timeoutKillsTheTree() {
            String marker = spawned.marker().replace("\\", "");
            ProbeObservation seen = probe.observe(Parameters.of(Map.of(
                    "command", marker + "1 & " + marker + "2; wait",
                    "timeout", Duration.ofMillis(300))), context);

            assertThat(seen.error()).hasValueSatisfying(error -> assertThat(error).startsWith("command did not finish within 300ms and was killed"));
            await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.allProcesses()
                    .noneMatch(p -> ProcessSnapshot.of(p).commandLine().contains(marker)));
        }

        @Test
        @DisplayName("a command that exits while a background child holds its output is observed at its exit, with what it printed")
        void backgroundChildHoldingOutput() {
            String marker = spawned.marker().replace("\\", "");
            try {
                ProbeObservation seen = probe.observe(Parameters.of(Map.of("command", marker + "7 & echo started")), context);

                assertThat(seen.error()).isEmpty();
                assertThat(seen.value(ProbeObservation.EXIT_CODE)).isEqualTo(0);
                assertThat(seen.value(ProbeObservation.STDOUT)).isEqualTo("started\n");
                assertThat(seen.latency()).isLessThan(Duration.ofSeconds(5));
            } finally {
                // The shell exited, so the sleeper is an orphan no Process object of this test knows.
                ProcessHandle.allProcesses().filter(p -> ProcessSnapshot.of(p).commandLine().contains(marker)).forEach(ProcessHandle::destroyForcibly);
            }
        }

        @Test
        @DisplayName("a program that does not exist is a failed observation")
        void missingProgram() {
            ProbeObservation seen = probe.observe(Parameters.of(Map.of("command", List.of("andon-no-such-program"))), context);

            assertThat(seen.error()).hasValueSatisfying(error -> assertThat(error).startsWith("cannot run [andon-no-such-program]"));
        }

        @Test
        @DisplayName("rejects an empty command and a command that is neither text nor a list")
        void checksCommand() {
            assertThat(probe.check(Parameters.of(Map.of("command", " ")))).singleElement().asString().startsWith("command is empty");
            assertThat(probe.check(Parameters.of(Map.of("command", List.of())))).singleElement().asString().startsWith("command is an empty list");
            assertThat(probe.check(Parameters.of(Map.of("command", Map.of("run", "x")))))
                    .containsExactly("command must be a string (run with sh -c) or a list of strings");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A port nothing listens on: bound to find a free one, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
