package dev.andon.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.andon.cli.AndonCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FleetCommandTest {

    private static final Pattern REPLICA_LINE = Pattern.compile("replica-\\d+: pid (\\d+), port \\d+");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<Process> launched = new ArrayList<>();

    @AfterEach
    void destroyLaunchedProcesses() {
        for (Process process : launched) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    @DisplayName("andon fleet prints the front URL and the replica PIDs, and stops without leaving a replica")
    void runsAndStops() {
        int code = AndonCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "fleet", "--replicas", "2", "--port", "0", "--restart-delay", "500ms", "--for", "500ms");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .containsPattern("front: http://127\\.0\\.0\\.1:\\d+/")
                .containsPattern("replica-1: pid \\d+, port \\d+")
                .containsPattern("replica-2: pid \\d+, port \\d+")
                .contains("restart delay: 500ms")
                .contains("commandMatches: \"--role fleet-replica .*--fleet ")
                .endsWith("practice fleet stopped; no replica left running\n");
        assertThat(pids(out.toString())).hasSize(2)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
    }

    @Test
    @DisplayName("bad options are one line on stderr with exit code 2")
    void badOptions() {
        assertThat(run("fleet", "--replicas", "0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: --replicas must be at least 1, but was 0\n");

        err.getBuffer().setLength(0);
        assertThat(run("fleet", "--restart-delay", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("'soon' is not a duration; write it like 500ms, 1s, 2m or 1m30s");
    }

    @Test
    @DisplayName("a front port in use is one line naming the port, exit code 2")
    void portInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(run("fleet", "--replicas", "1", "--port", Integer.toString(taken.getLocalPort()))).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("error: cannot open the front: port " + taken.getLocalPort()
                    + " is in use; choose another port, or 0 for any free port (--port)\n");
        }
    }

    @Test
    @DisplayName("Ctrl-C (SIGINT) on a running andon fleet stops it and its replicas")
    void interruptStopsTheFleet() throws Exception {
        Process andon = launchFleetCommand();
        List<Long> replicas = readReplicaPids(andon);

        new ProcessBuilder("kill", "-s", "INT", Long.toString(andon.pid())).start().waitFor();

        assertThat(andon.waitFor()).isEqualTo(130);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(replicas)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty()));
    }

    @Test
    @DisplayName("replicas exit on their own when the supervisor is killed with SIGKILL")
    void replicasDieWithTheirSupervisor() throws Exception {
        Process andon = launchFleetCommand();
        List<Long> replicas = readReplicaPids(andon);

        andon.destroyForcibly().waitFor();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(replicas)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty()));
    }

    private int run(String... args) {
        return AndonCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** {@code andon fleet} in its own JVM, as a user runs it, so signals reach it for real. */
    private Process launchFleetCommand() throws IOException {
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"),
                "dev.andon.cli.Main", "fleet", "--replicas", "2", "--port", "0")
                .redirectErrorStream(true)
                .start();
        launched.add(process);
        return process;
    }

    /** Reads the command's output until it says it is ready, and returns the PIDs it printed. */
    private static List<Long> readReplicaPids(Process andon) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(andon.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.equals("press Ctrl-C to stop")) {
                return pids(seen.toString());
            }
        }
        throw new AssertionError("andon fleet ended before it was ready:\n" + seen);
    }

    private static List<Long> pids(String output) {
        List<Long> pids = new ArrayList<>();
        Matcher m = REPLICA_LINE.matcher(output);
        while (m.find()) {
            pids.add(Long.parseLong(m.group(1)));
        }
        return pids;
    }
}
