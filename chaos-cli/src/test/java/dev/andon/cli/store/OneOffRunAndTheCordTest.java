package dev.andon.cli.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.cli.CliRun;
import dev.andon.cli.Main;
import dev.andon.cli.Victims;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code andon run} in one terminal (a child JVM), {@code andon halt} or {@code andon history} in another
 * (this JVM), sharing the H2 store of one data directory.
 */
@DisplayName("a one-off run and the store, across terminals")
class OneOffRunAndTheCordTest {

    @TempDir
    Path dir;

    private Victims victims;
    private Process andonRun;

    @BeforeEach
    void start() throws Exception {
        victims = new Victims(1);
    }

    @AfterEach
    void stop() {
        if (andonRun != null) {
            andonRun.destroyForcibly();
        }
        victims.close();
    }

    /** Stops the victim with SIGSTOP (its undo is CONT) and holds the fault for a minute. */
    private Path freezeForAMinute() throws Exception {
        Path file = dir.resolve("freeze.yaml");
        Files.writeString(file, """
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata: { name: freeze-victim }
                spec:
                  targets:
                    victims: { provider: local.process, selector: { commandMatches: '%s' }, mode: count(1) }
                  method:
                    - { action: process.signal, target: victims, signal: STOP }
                    - pause: 60s
                """.formatted(victims.selector()));
        return file;
    }

    private Process andonRunInAnotherTerminal(Path file) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dh2.bindAddress=127.0.0.1", "-XX:TieredStopAtLevel=1",
                Main.class.getName(), "run", file.toString(), "--data-dir", dir.resolve("store").toString(),
                "--journal-dir", dir.resolve("journals").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile())
                .start();
    }

    private long victim() {
        return victims.processes().get(0).pid();
    }

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("'andon halt' in another terminal aborts a running 'andon run' (exit 3), which undoes its fault")
    void haltStopsARunInAnotherProcess() throws Exception {
        andonRun = andonRunInAnotherTerminal(freezeForAMinute());
        await().atMost(Duration.ofSeconds(60)).until(() -> Victims.state(victim()) == 'T');

        CliRun halt = CliRun.of("halt", "--reason", "payments incident", "--data-dir", dir.resolve("store").toString());

        assertThat(halt.exitCode()).as(halt.toString()).isZero();
        assertThat(andonRun.waitFor(30, TimeUnit.SECONDS)).as("the run ends long before its 60 s pause").isTrue();
        assertThat(andonRun.exitValue()).as(Files.readString(dir.resolve("run.log"))).isEqualTo(3);
        assertThat(Victims.state(victim())).as("the victim was resumed").isNotEqualTo('T');
        JsonNode run = lastRun();
        assertThat(run.get("outcome").asText()).isEqualTo("aborted");
        assertThat(run.get("reason").asText()).startsWith("halted by ").endsWith(": payments incident");
        assertThat(run.get("selectedTargets").get(0).asText()).isEqualTo("victims/" + victim());
    }

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("an 'andon run' killed with SIGKILL mid-method is marked interrupted and undone by the next command")
    void killedRunIsRecoveredByTheNextCommand() throws Exception {
        andonRun = andonRunInAnotherTerminal(freezeForAMinute());
        await().atMost(Duration.ofSeconds(60)).until(() -> Victims.state(victim()) == 'T');

        andonRun.destroyForcibly();
        assertThat(andonRun.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Victims.state(victim())).as("the fault outlived its run").isEqualTo('T');

        CliRun history = CliRun.of("history", "--data-dir", dir.resolve("store").toString());

        assertThat(history.exitCode()).as(history.toString()).isZero();
        assertThat(history.err()).contains("recovered run").contains("(freeze-victim)").contains("undo done");
        await().atMost(Duration.ofSeconds(5)).until(() -> Victims.state(victim()) != 'T');
        JsonNode run = lastRun();
        assertThat(run.get("outcome").asText()).isEqualTo("interrupted");
        assertThat(run.get("reason").asText()).contains("process " + andonRun.pid()).contains("1 of 1 pending undos executed");
    }

    private JsonNode lastRun() throws Exception {
        CliRun history = CliRun.of("history", "-o", "json", "--data-dir", dir.resolve("store").toString());
        assertThat(history.exitCode()).as(history.toString()).isZero();
        return new ObjectMapper().readTree(history.out()).get("runs").get(0);
    }
}
