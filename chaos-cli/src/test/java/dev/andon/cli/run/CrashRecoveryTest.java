package dev.andon.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.cli.CliRun;
import dev.andon.cli.Main;
import dev.andon.cli.Victims;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's JVM is killed mid-method: the journal must still be readable, say so, and lead to the fault's undo. */
class CrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @DisplayName("a run killed with SIGKILL mid-method leaves a readable journal that says it did not finish, and recovery undoes its fault")
    void killedRunIsRecovered() throws Exception {
        try (Victims victims = new Victims(1)) {
            long victim = victims.processes().get(0).pid();
            Path file = dir.resolve("stop.yaml");
            Files.writeString(file, """
                    apiVersion: andon.dev/v1
                    kind: Experiment
                    metadata: { name: stop-and-crash }
                    spec:
                      targets:
                        victim: { provider: local.process, selector: { commandMatches: '%s' }, mode: one }
                      method:
                        - { action: process.kill, target: victim, signal: STOP }
                        - pause: 5m
                    """.formatted(victims.selector()));
            Path journals = dir.resolve("journals");
            Path journal = journals.resolve("crash.json");
            Process andon = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "run", file.toString(), "--no-store", "--journal", journal.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("andon.log").toFile()).start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> Victims.state(victim) == 'T');
                await().atMost(Duration.ofSeconds(10)).until(() -> readable(journal) && "done".equals(
                        JSON.readTree(journal.toFile()).path("actions").path(0).path("status").asText()));
            } finally {
                andon.destroyForcibly().waitFor();
            }

            JsonNode partial = JSON.readTree(journal.toFile());
            assertThat(partial.path("status").asText()).isEqualTo("running");
            assertThat(partial.path("result").isNull()).isTrue();
            assertThat(partial.path("phase").asText()).isEqualTo("inject");
            assertThat(partial.path("undos").get(0).path("status").asText()).isEqualTo("pending");
            assertThat(Victims.state(victim)).as("the fault is still in place after the crash").isEqualTo('T');

            CliRun recover = CliRun.of("recover", "--journal-dir", journals.toString());

            assertThat(recover.exitCode()).as(recover.toString()).isZero();
            assertThat(recover.out()).contains("recovered run").contains("stop-and-crash").contains("1 pending undo(s) run");
            assertThat(Victims.state(victim)).as("the stopped process was resumed").isNotEqualTo('T');
            JsonNode finished = JSON.readTree(journal.toFile());
            assertThat(finished.path("status").asText()).isEqualTo("finished");
            assertThat(finished.path("result").path("outcome").asText()).isEqualTo("interrupted");
            assertThat(finished.path("undos").get(0).path("status").asText()).isEqualTo("done");

            CliRun again = CliRun.of("recover", "--journal-dir", journals.toString());
            assertThat(again.out()).as("recovery is done once").contains("nothing to recover");
        }
    }

    private static boolean readable(Path journal) {
        try {
            return Files.exists(journal) && JSON.readTree(journal.toFile()) != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String javaBin() {
        return String.join(File.separator, List.of(System.getProperty("java.home"), "bin", "java"));
    }
}
