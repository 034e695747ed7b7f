package dev.andon.cli.gameday;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.cli.AndonCli;
import dev.andon.cli.fleet.PracticeFleet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GameDayCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ANSWERS = Path.of("..", "experiments", "gamedays", "answers", "local-practice.yaml");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int andon(String... args) {
        return AndonCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    @DisplayName("a scripted answer file answers the checkpoints in order; a 'no' is a finding and the exit code is 1")
    void scriptedAnswers() throws Exception {
        Path journal = dir.resolve("practice.json");
        int code = andon("gameday", "run", LocalPracticeGameDayTest.EXAMPLE.toString(), "--answers", ANSWERS.toString(),
                "--journal", journal.toString(), "--data-dir", dir.resolve("store").toString());
        assertThat(code).as(out + "\n" + err).isEqualTo(1);
        JsonNode doc = JSON.readTree(journal.toFile());
        assertThat(doc.path("outcome").asText()).isEqualTo("completed-with-findings");
        List<String> answers = new ArrayList<>();
        doc.path("events").forEach(e -> {
            if (e.path("type").asText().equals("answer")) {
                answers.add(e.path("step").asInt() + " " + e.path("answer").asText() + " by " + e.path("by").asText() + ": " + e.path("note").asText());
            }
        });
        assertThat(answers).containsExactly(
                "3 yes by answer file: the storefront answered every request; one replica was replaced within seconds",
                "6 no by answer file: nobody watched latency; add a latency panel to the dashboard before the next game day");
        assertThat(LocalPracticeGameDayTest.timeline(journal)).containsSubsequence("2:injection", "3:answer", "5:injection", "6:answer", "0:gameday-ended");
    }

    @Test
    @DisplayName("an answer file that does not match the checkpoints is refused before anything runs")
    void mismatchedAnswers() throws Exception {
        Path answers = dir.resolve("answers.yaml");
        Files.writeString(answers, "answers:\n  - { checkpoint: slowdown-visible, answer: yes }\n");
        int code = andon("gameday", "run", LocalPracticeGameDayTest.EXAMPLE.toString(), "--answers", answers.toString(), "--journal-dir", dir.toString(),
                "--data-dir", dir.resolve("store").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("the answer file has 1 answers but", "has 2 checkpoints",
                answers + ":2:5: answer 1 is for checkpoint 'slowdown-visible' but checkpoint 1 is 'front-stayed-up'");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).doesNotContain("journals").noneMatch(n -> n.endsWith(".json"));
    }

    @Test
    @DisplayName("a mistake in a game-day file is reported with file:line:column and exit code 2; nothing runs")
    void invalidFile() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                apiVersion: andon.dev/v1
                kind: GameDay
                metadata: { name: bad }
                spec:
                  steps:
                    - wiat: 5s
                """);
        assertThat(andon("gameday", "run", file.toString(), "--yes", "--journal-dir", dir.toString(), "--data-dir", dir.resolve("store").toString())).isEqualTo(2);
        assertThat(err.toString()).contains(file + ":6:7: unknown key 'wiat' in step 1 (did you mean 'wait'?)");
        assertThat(andon("validate", file.toString())).isEqualTo(2);
    }

    @Test
    @DisplayName("andon halt from another terminal halts a running game day: the step ends halted and nothing further starts")
    void haltFromAnotherTerminal() throws Exception {
        Path file = dir.resolve("long.yaml");
        Files.writeString(file, """
                apiVersion: andon.dev/v1
                kind: GameDay
                metadata: { name: long }
                spec:
                  steps:
                    - wait: 10m
                    - note: never reached
                """);
        Path journal = dir.resolve("long.json");
        String store = dir.resolve("store").toString();
        java.util.concurrent.CompletableFuture<Integer> running = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                andon("gameday", "run", file.toString(), "--yes", "--journal", journal.toString(), "--data-dir", store));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(journal) && LocalPracticeGameDayTest.timeline(journal).contains("1:step-started"));
        StringWriter otherOut = new StringWriter();
        int halt = AndonCli.run(new PrintWriter(otherOut), new PrintWriter(new StringWriter()), "halt", "--reason", "payments incident", "--data-dir", store);
        assertThat(halt).isZero();
        assertThat(running.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3);
        JsonNode doc = JSON.readTree(journal.toFile());
        JsonNode haltEvent = null;
        for (JsonNode e : doc.path("events")) {
            if (e.path("type").asText().equals("halt")) {
                haltEvent = e;
            }
        }
        assertThat(haltEvent).isNotNull();
        assertThat(haltEvent.path("cause").asText()).isEqualTo("cord");
        assertThat(haltEvent.path("reason").asText()).contains("payments incident");
        assertThat(LocalPracticeGameDayTest.timeline(journal)).doesNotContain("2:step-started");
        assertThat(doc.path("outcome").asText()).isEqualTo("halted");
    }

    @Test
    @DisplayName("plan validates every experiment of the game day and lists the targets each would hit now, touching nothing")
    void plan() throws Exception {
        try (PracticeFleet fleet = PracticeFleet.start(2, 0, Duration.ofMillis(500))) {
            List<Long> before = fleet.replicaPids();
            int code = andon("gameday", "plan", LocalPracticeGameDayTest.EXAMPLE.toString(), "--var", "port=" + fleet.frontPort(), "--var", "fleet=" + fleet.id());
            assertThat(code).as(err.toString()).isZero();
            String text = out.toString();
            assertThat(text).contains("Practice game day: the storefront survives a dead and a frozen replica (local-practice): 7 steps, valid",
                    " 2. experiment experiments/kill-one-replica.yaml", "targets replicas (local.process, count(1)): 2 eligible of 2",
                    " 5. experiment experiments/pause-one-replica.yaml", " 3. checkpoint: Did the storefront stay up while the replica was down?",
                    "abort when: storefront-alive (http) fails 3x, checked every 1s");
            assertThat(text.lines().filter(l -> l.contains("would hit")).map(l -> Long.parseLong(l.trim().split("\\s+")[2])))
                    .hasSize(2).allMatch(before::contains);
            assertThat(fleet.replicaPids()).isEqualTo(before);
        }
    }

    @Test
    @DisplayName("report refuses a file that is not a journal, naming it, with exit code 2")
    void reportRefusesNonJournals() throws Exception {
        Path notJournal = dir.resolve("x.json");
        Files.writeString(notJournal, "{\"hello\": 1}");
        assertThat(andon("report", notJournal.toString(), "--output", dir.resolve("r.html").toString())).isEqualTo(2);
        assertThat(err.toString()).contains(notJournal + ": neither a run journal nor a game-day journal");
        assertThat(dir.resolve("r.html")).doesNotExist();

        // In a folder, other JSON files are skipped with a word on stderr; there is simply nothing to report here.
        err.getBuffer().setLength(0);
        assertThat(andon("report", dir.toString(), "--output", dir.resolve("r.html").toString())).isZero();
        assertThat(err.toString()).contains("skipped " + notJournal + ": neither a run journal nor a game-day journal");
        assertThat(out.toString()).contains("0 game day(s), 0 run(s)");
    }
}
