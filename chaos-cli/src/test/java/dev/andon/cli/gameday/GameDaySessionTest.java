package dev.andon.cli.gameday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.cli.fleet.PracticeFleet;
import dev.andon.core.load.Variables;
import dev.andon.core.spi.PluginRegistry;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal session driven through its input stream, as an operator types. */
class GameDaySessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PAUSE = Path.of("..", "experiments", "gamedays", "experiments", "pause-one-replica.yaml").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final StringWriter screen = new StringWriter();
    private final PipedOutputStream keyboard = new PipedOutputStream();

    private void type(String line) throws IOException {
        keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private String screen() {
        synchronized (screen) {
            return screen.toString();
        }
    }

    private CompletableFuture<Integer> start(Path gameDay, Map<String, String> vars, Path journal) throws IOException {
        return start(gameDay, vars, journal, false);
    }

    private CompletableFuture<Integer> start(Path gameDay, Map<String, String> vars, Path journal, boolean dryRun) throws IOException {
        PipedInputStream input = new PipedInputStream(keyboard);
        GameDaySession session = new GameDaySession(PluginRegistry.load(), Clock.systemUTC(), input, new PrintWriter(screen, true), Optional.empty(),
                dev.andon.core.engine.StopSignal.NEVER);
        GameDaySession.Request request = new GameDaySession.Request(gameDay, new Variables(vars, Map.of(), System.getenv()), false,
                Optional.empty(), Optional.of(journal), dir, 0, 5, dryRun);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return session.run(request);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    @DisplayName("shows each step and the next, counts waits down, takes notes, a skip and typed answers at checkpoints")
    void operatorAtTheKeyboard() throws Exception {
        Path file = dir.resolve("drill.yaml");
        Files.writeString(file, """
                apiVersion: andon.dev/v1
                kind: GameDay
                metadata: { name: drill }
                spec:
                  title: Keyboard drill
                  objectives: [Practise the keys]
                  roles: { coordinator: bob, observers: [dave] }
                  steps:
                    - wait: 10m
                      name: long-wait
                    - checkpoint: Did the on-call get paged?
                      name: paged
                    - note: wrap up
                """);
        Path journal = dir.resolve("drill.json");
        CompletableFuture<Integer> running = start(file, Map.of(), journal);

        await().atMost(Duration.ofSeconds(10)).until(() -> screen().contains("⏳"));
        assertThat(screen()).contains("══ Keyboard drill ══", "objective: Practise the keys", "roles: coordinator bob · observers dave",
                GameDayTerminal.KEYS, "▶ step 1/3 wait 10m", "next: checkpoint: Did the on-call get paged?", "⏳ 600s left");
        type("n dashboards are open");
        type("yes");
        await().atMost(Duration.ofSeconds(5)).until(() -> screen().contains("no checkpoint is waiting for an answer"));
        type("s");
        await().atMost(Duration.ofSeconds(5)).until(() -> screen().contains("? Did the on-call get paged?   answer: yes|no [note]"));
        assertThat(screen()).contains("✎ operator: dashboards are open", "■ step 1 skipped", "next: note: wrap up");
        type("n");
        type("no pager stayed silent");
        assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(screen()).contains("type the note after n", "answer: no — pager stayed silent (operator)", "■ step 2 no: pager stayed silent",
                "✎ wrap up", "══ game day completed-with-findings: 'Did the on-call get paged?' answered no", "journal: " + journal);
        assertThat(LocalPracticeGameDayTest.timeline(journal)).containsExactly(
                "0:gameday-started", "1:step-started", "1:note", "1:step-ended", "2:step-started", "2:answer", "2:step-ended",
                "3:step-started", "3:note", "3:step-ended", "0:gameday-ended");
    }

    @Test
    @DisplayName("h pulls the cord during an experiment: it stops, the frozen replica is resumed by the rollback, nothing else starts")
    void cordDuringAnExperiment() throws Exception {
        try (PracticeFleet fleet = PracticeFleet.start(2, 0, Duration.ofMillis(500))) {
            Path file = dir.resolve("cord.yaml");
            Files.writeString(file, """
                    apiVersion: andon.dev/v1
                    kind: GameDay
                    metadata: { name: cord }
                    spec:
                      steps:
                        - experiment: %s
                          name: freeze
                        - checkpoint: never asked
                    """.formatted(PAUSE));
            Path journal = dir.resolve("cord.json");
            CompletableFuture<Integer> running = start(file, Map.of("port", Integer.toString(fleet.frontPort()), "fleet", fleet.id()), journal);

            await().atMost(Duration.ofSeconds(20)).until(() -> screen().contains("⚡ injection: process.kill"));
            long frozen = fleet.replicaPids().stream().filter(GameDaySessionTest::stopped).findFirst().orElseThrow();
            type("h real incident on the bridge");

            assertThat(running.get(20, TimeUnit.SECONDS)).isEqualTo(3);
            assertThat(stopped(frozen)).as("replica " + frozen + " resumed").isFalse();
            assertThat(screen()).contains("cord pulled", "⛔ HALT (cord): cord pulled at the terminal: real incident on the bridge",
                    "↺ process.signal", "══ game day halted");
            List<String> events = LocalPracticeGameDayTest.timeline(journal);
            assertThat(events).containsSubsequence("1:step-started", "1:injection", "1:halt", "1:rollback", "1:step-ended", "0:gameday-ended")
                    .doesNotContain("2:step-started");
            JsonNode doc = JSON.readTree(journal.toFile());
            assertThat(doc.path("outcome").asText()).isEqualTo("halted");
            List<String> rollbacks = new ArrayList<>();
            doc.path("events").forEach(e -> {
                if (e.path("type").asText().equals("rollback")) {
                    rollbacks.add(e.path("action").asText() + ":" + e.path("status").asText());
                }
            });
            assertThat(rollbacks).containsExactly("process.signal:done");
            JsonNode stepEnd = doc.path("events").get(doc.path("events").size() - 2);
            assertThat(stepEnd.path("outcome").asText()).isEqualTo("halted");
        }
    }

    @Test
    @DisplayName("a failing abort criterion halts the game day mid-experiment: the experiment stops and its rollback resumes the frozen replica")
    void abortCriterionHalts() throws Exception {
        try (PracticeFleet fleet = PracticeFleet.start(1, 0, Duration.ofMillis(500))) {
            // The experiment itself tolerates anything, so only the game day's abort criterion can stop it.
            Path experiment = dir.resolve("freeze-the-only-replica.yaml");
            Files.writeString(experiment, """
                    apiVersion: andon.dev/v1
                    kind: Experiment
                    metadata: { name: freeze-the-only-replica }
                    spec:
                      targets:
                        replica: { provider: local.process, selector: { commandMatches: "fleet-replica.*--fleet ${fleet}" }, mode: one }
                      hypothesis:
                        strategy: continuous
                        interval: 500ms
                        probes:
                          - { name: anything, provider: tcp, host: 127.0.0.1, port: "${port}", expect: { ok: true } }
                      method:
                        - { action: process.kill, target: replica, signal: STOP, revertAfter: 60s }
                        - pause: 60s
                    """);
            Path file = dir.resolve("abort.yaml");
            Files.writeString(file, """
                    apiVersion: andon.dev/v1
                    kind: GameDay
                    metadata: { name: abort }
                    spec:
                      abort:
                        interval: 300ms
                        probes:
                          - { name: shop-answers, provider: http, url: "http://127.0.0.1:${port}/", timeout: 500ms, expect: { status: 200 } }
                      steps:
                        - experiment: freeze-the-only-replica.yaml
                        - note: never reached
                    """);
            Path journal = dir.resolve("abort.json");
            CompletableFuture<Integer> running = start(file, Map.of("port", Integer.toString(fleet.frontPort()), "fleet", fleet.id()), journal);

            assertThat(running.get(40, TimeUnit.SECONDS)).isEqualTo(3);
            long replica = fleet.replicaPids().get(0);
            assertThat(stopped(replica)).as("replica " + replica + " resumed").isFalse();
            List<String> events = LocalPracticeGameDayTest.timeline(journal);
            assertThat(events).containsSubsequence("1:step-started", "1:injection", "1:halt", "1:rollback", "1:step-ended", "0:gameday-ended")
                    .doesNotContain("2:step-started");
            JsonNode doc = JSON.readTree(journal.toFile());
            JsonNode halt = null;
            for (JsonNode e : doc.path("events")) {
                if (e.path("type").asText().equals("halt")) {
                    halt = e;
                }
            }
            assertThat(halt.path("cause").asText()).isEqualTo("abort-criterion");
            assertThat(halt.path("reason").asText()).startsWith("abort criterion 'shop-answers' failed: ");
            assertThat(screen()).contains("⛔ HALT (abort-criterion): abort criterion 'shop-answers' failed", "══ game day halted");
        }
    }

    @Test
    @DisplayName("--dry-run rehearses every experiment: the timeline shows what would be injected, and no replica is touched")
    void dryRunTouchesNothing() throws Exception {
        try (PracticeFleet fleet = PracticeFleet.start(1, 0, Duration.ofMillis(500))) {
            List<Long> before = fleet.replicaPids();
            Path file = dir.resolve("rehearsal.yaml");
            Files.writeString(file, """
                    apiVersion: andon.dev/v1
                    kind: GameDay
                    metadata: { name: rehearsal }
                    spec:
                      steps:
                        - experiment: %s
                    """.formatted(PAUSE));
            Path journal = dir.resolve("rehearsal.json");
            CompletableFuture<Integer> running = start(file, Map.of("port", Integer.toString(fleet.frontPort()), "fleet", fleet.id()), journal, true);
            await().atMost(Duration.ofSeconds(30)).until(() -> screen().contains("⚡ injection"));
            assertThat(fleet.replicaPids()).allSatisfy(pid -> assertThat(stopped(pid)).isFalse());
            assertThat(running.get(30, TimeUnit.SECONDS)).isZero();
            JsonNode doc = JSON.readTree(journal.toFile());
            List<String> injections = new ArrayList<>();
            doc.path("events").forEach(e -> {
                if (e.path("type").asText().equals("injection")) {
                    injections.add(e.path("summary").asText());
                }
            });
            assertThat(injections).singleElement().asString().startsWith("rehearsed: ");
            assertThat(doc.path("runs").get(0).path("dryRun").asBoolean()).isTrue();
            assertThat(fleet.replicaPids()).isEqualTo(before);
        }
    }

    /** Whether the process is stopped (state T in /proc/PID/stat). */
    static boolean stopped(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("T");
        } catch (IOException e) {
            return false;
        }
    }
}
