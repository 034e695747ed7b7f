package dev.andon.cli.gameday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.cli.fleet.PracticeFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on a real {@code andon gameday run} process. */
class GameDayInterruptTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PAUSE = Path.of("..", "experiments", "gamedays", "experiments", "pause-one-replica.yaml").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    @DisplayName("SIGINT during an experiment rolls the fault back before andon exits 130, and the timeline says so")
    void sigintRollsBack() throws Exception {
        try (PracticeFleet fleet = PracticeFleet.start(2, 0, Duration.ofMillis(500))) {
            Path file = dir.resolve("gd.yaml");
            Files.writeString(file, """
                    apiVersion: andon.dev/v1
                    kind: GameDay
                    metadata: { name: interrupted }
                    spec:
                      steps:
                        - experiment: %s
                        - note: never reached
                    """.formatted(PAUSE));
            Path journal = dir.resolve("gd.json");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process andon = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.andon.cli.Main",
                    "gameday", "run", file.toString(), "--yes", "--journal", journal.toString(), "--data-dir", dir.resolve("store").toString(),
                    "--var", "port=" + fleet.frontPort(), "--var", "fleet=" + fleet.id())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("out.txt").toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(journal) && LocalPracticeGameDayTest.timeline(journal).contains("1:injection"));
                long frozen = fleet.replicaPids().stream().filter(GameDaySessionTest::stopped).findFirst().orElseThrow();
                new ProcessBuilder("kill", "-INT", Long.toString(andon.pid())).inheritIO().start().waitFor();

                assertThat(andon.waitFor(30, TimeUnit.SECONDS)).isTrue();
                String out = Files.readString(dir.resolve("out.txt"));
                assertThat(andon.exitValue()).as(out).isEqualTo(130);
                assertThat(GameDaySessionTest.stopped(frozen)).as("replica " + frozen + " resumed").isFalse();
                List<String> events = LocalPracticeGameDayTest.timeline(journal);
                assertThat(events).containsSubsequence("1:injection", "1:halt", "1:rollback", "1:step-ended", "0:gameday-ended")
                        .doesNotContain("2:step-started");
                JsonNode doc = JSON.readTree(journal.toFile());
                assertThat(doc.path("outcome").asText()).isEqualTo("interrupted");
                assertThat(out).contains("⛔ HALT (signal): interrupted by SIGINT");
            } finally {
                andon.destroyForcibly();
            }
        }
    }

}
