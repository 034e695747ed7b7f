package dev.andon.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.cli.CliRun;
import dev.andon.cli.LocalHttpServer;
import dev.andon.cli.Victims;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code andon run} end to end: real processes, a real HTTP server, the real CLI, asserted exit codes and journals. */
class RunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Victims victims;
    private LocalHttpServer web;

    @BeforeEach
    void start() throws Exception {
        victims = new Victims(3);
        web = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        victims.close();
        web.close();
    }

    private Path experiment(String method, String extraSpec) throws Exception {
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, """
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata:
                  name: victims-test
                spec:
                  targets:
                    victims:
                      provider: local.process
                      selector: { commandMatches: '%s' }
                      mode: count(1)
                  hypothesis:
                    strategy: continuous
                    interval: 50ms
                    probes:
                      - name: web-answers
                        provider: http
                        url: http://127.0.0.1:%d/
                        expect: { status: 200, latencyBelow: 1s }
                  method:
                %s
                %s
                """.formatted(victims.selector(), web.port(), method.indent(4), extraSpec));
        return file;
    }

    private JsonNode journal() throws Exception {
        try (var files = Files.list(dir.resolve("journals"))) {
            Path journal = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            return JSON.readTree(journal.toFile());
        }
    }

    @Test
    @DisplayName("kills one real process with KILL, holds, exits 0, and journals the run as finished")
    void killHolds() throws Exception {
        Path file = experiment("- action: process.kill\n  target: victims\n  signal: KILL\n- pause: 200ms", "");

        CliRun run = CliRun.of("run", file.toString(), "--data-dir", dir.resolve("store").toString(), "--journal-dir", dir.resolve("journals").toString(), "--seed", "11");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("HELD").contains("journal: ");
        assertThat(victims.alive()).isEqualTo(2);
        JsonNode j = journal();
        assertThat(j.path("status").asText()).isEqualTo("finished");
        assertThat(j.path("result").path("outcome").asText()).isEqualTo("held");
        assertThat(j.path("seed").asLong()).isEqualTo(11);
        assertThat(j.path("selections").get(0).path("selected")).hasSize(1);
        assertThat(j.path("actions").get(0).path("status").asText()).isEqualTo("done");
        assertThat(j.path("probes").size()).isGreaterThan(2);
    }

    @Test
    @DisplayName("STOP with revertAfter pauses a process and resumes it: no process is left stopped")
    void stopThenContinue() throws Exception {
        Path file = experiment("- action: process.kill\n  target: victims\n  signal: STOP\n  revertAfter: 300ms\n- pause: 600ms", "");

        CliRun run = CliRun.of("run", file.toString(), "--data-dir", dir.resolve("store").toString(), "--journal-dir", dir.resolve("journals").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(victims.anyStopped()).isFalse();
        assertThat(victims.alive()).isEqualTo(3);
        JsonNode undo = journal().path("undos").get(0);
        assertThat(undo.path("action").asText()).isEqualTo("process.signal");
        assertThat(undo.path("status").asText()).isEqualTo("done");
    }

    @Test
    @DisplayName("the same seed picks the same process in 'targets' and in 'run --dry-run', and a dry run touches nothing")
    void seedReplaysAndDryRunTouchesNothing() throws Exception {
        Path file = experiment("- action: process.kill\n  target: victims\n  signal: KILL", "");

        CliRun targets = CliRun.of("targets", file.toString(), "--seed", "99", "-o", "json");
        CliRun dry = CliRun.of("run", file.toString(), "--data-dir", dir.resolve("store").toString(), "--dry-run", "--seed", "99", "-o", "json", "--journal-dir", dir.resolve("journals").toString());

        assertThat(targets.exitCode()).as(targets.toString()).isZero();
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        String picked = JSON.readTree(targets.out()).path("targetSets").get(0).path("picked").get(0).asText();
        JsonNode result = JSON.readTree(dry.out());
        assertThat(result.path("selections").get(0).path("selected").get(0).asText()).isEqualTo(picked);
        assertThat(result.path("dryRun").asBoolean()).isTrue();
        assertThat(victims.alive()).isEqualTo(3);
    }

    @Test
    @DisplayName("a hypothesis that fails before injecting aborts with exit 3 and kills nothing")
    void abortedBeforeInjecting() throws Exception {
        web.answer(503);
        Path file = experiment("- action: process.kill\n  target: victims\n  signal: KILL", "");

        CliRun run = CliRun.of("run", file.toString(), "--data-dir", dir.resolve("store").toString(), "--journal-dir", dir.resolve("journals").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).contains("ABORTED").contains("hypothesis not met before injecting: web-answers: status 503, expected 200");
        assertThat(victims.alive()).isEqualTo(3);
    }

    @Test
    @DisplayName("a hypothesis broken by the fault is a deviation: exit 1, and the verdict says which probe")
    void deviated() throws Exception {
        long pid = victims.processes().get(0).pid();
        Path file = dir.resolve("deviates.yaml");
        Files.writeString(file, """
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata: { name: deviates }
                spec:
                  targets:
                    first: { provider: local.process, selector: { commandMatches: '%s' }, mode: all }
                  hypothesis:
                    strategy: continuous
                    interval: 50ms
                    probes:
                      - { name: first-alive, provider: process, command: "kill -0 %d", expect: { exitCode: 0 } }
                  method:
                    - { action: process.kill, target: first, signal: KILL }
                    - pause: 500ms
                  recovery: { timeout: 300ms }
                """.formatted(victims.selector(), pid));

        CliRun run = CliRun.of("run", file.toString(), "--data-dir", dir.resolve("store").toString(), "--journal-dir", dir.resolve("journals").toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("DEVIATED").contains("first-alive");
    }

    @Test
    @DisplayName("--output json prints the result for scripts, with the exit code inside")
    void jsonOutput() throws Exception {
        Path file = experiment("- action: process.kill\n  target: victims\n  signal: TERM", "");

        CliRun run = CliRun.of("run", file.toString(), "--data-dir", dir.resolve("store").toString(), "-o", "json", "--journal-dir", dir.resolve("journals").toString());

        JsonNode result = JSON.readTree(run.out());
        assertThat(result.path("outcome").asText()).isEqualTo("held");
        assertThat(result.path("exitCode").asInt()).isEqualTo(run.exitCode()).isZero();
        assertThat(result.path("journal").asText()).endsWith(".json");
    }

    @Test
    @DisplayName("a pulled cord refuses a one-off run (exit 3, nothing killed) until 'andon resume'")
    void haltedRunIsRefusedUntilResumed() throws Exception {
        Path file = experiment("- action: process.kill\n  target: victims\n  signal: KILL", "");
        String store = dir.resolve("store").toString();

        CliRun halt = CliRun.of("halt", "--data-dir", store, "--reason", "payments incident");
        CliRun refused = CliRun.of("run", file.toString(), "--data-dir", store, "--journal-dir", dir.resolve("journals").toString());

        assertThat(halt.exitCode()).as(halt.toString()).isZero();
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.out()).contains("ABORTED").contains("payments incident");
        assertThat(victims.alive()).isEqualTo(3);

        CliRun resume = CliRun.of("resume", "--data-dir", store, "--reason", "incident closed");
        CliRun allowed = CliRun.of("run", file.toString(), "--data-dir", store, "--journal-dir", dir.resolve("journals").toString());

        assertThat(resume.exitCode()).as(resume.toString()).isZero();
        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(victims.alive()).isEqualTo(2);
        CliRun history = CliRun.of("history", "--data-dir", store, "-o", "json");
        assertThat(history.out()).contains("payments incident").contains("held");
    }

    @Test
    @DisplayName("'targets' shows Andon's own process as excluded with its reason when the selector matches it")
    void targetsShowsSelfProtection() throws Exception {
        Path file = dir.resolve("java.yaml");
        Files.writeString(file, """
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata: { name: every-java }
                spec:
                  targets:
                    jvms: { provider: local.process, selector: { commandMatches: 'java' }, mode: all }
                  method:
                    - { action: process.kill, target: jvms, signal: KILL }
                """);

        CliRun run = CliRun.of("targets", file.toString(), "--all");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("skip\\s+" + ProcessHandle.current().pid() + "\\s.*Andon's own process");
    }
}
