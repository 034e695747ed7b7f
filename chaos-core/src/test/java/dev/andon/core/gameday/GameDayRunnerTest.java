package dev.andon.core.gameday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.engine.Selection;
import dev.andon.core.load.Variables;
import dev.andon.core.model.Experiment;
import dev.andon.core.spi.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Game days made of checkpoints, waits and notes: the runner's own behaviour, without experiments. */
class GameDayRunnerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();

    /** These game days have no experiment step; being asked to run one is a failure of the runner. */
    private static final ExperimentSteps NO_EXPERIMENTS = new ExperimentSteps() {
        public Experiment load(Path file, Map<String, String> variables) {
            throw new AssertionError("no experiment step in this game day");
        }

        public List<Selection> plan(Experiment experiment, RunOptions options) {
            throw new AssertionError("no experiment step in this game day");
        }

        public RunResult run(Experiment experiment, RunOptions options, RunListener listener) {
            throw new AssertionError("no experiment step in this game day");
        }
    };

    private final GameDayRunner runner = new GameDayRunner(NO_EXPERIMENTS, PluginRegistry.of(), clock);

    private GameDay gameDay(String steps) throws Exception {
        return new GameDayLoader((f, n, p) -> Optional.empty()).load("gd.yaml", dir, """
                apiVersion: andon.dev/v1
                kind: GameDay
                metadata: { name: drill }
                spec:
                  title: Drill
                  objectives: [Practise the checkpoints]
                  steps:
                """ + steps.indent(4), Variables.NONE);
    }

    private static List<String> types(Path journal) throws Exception {
        List<String> types = new ArrayList<>();
        JSON.readTree(journal.toFile()).path("events").forEach(e -> types.add(e.path("step").asInt() + ":" + e.path("type").asText()));
        return types;
    }

    @Test
    @DisplayName("runs notes, waits and scripted checkpoints in order and journals each event with its step; a 'no' makes a finding")
    void runsStepsInOrder() throws Exception {
        GameDay g = gameDay("""
                - note: page the on-call now
                - checkpoint: Did the on-call get paged?
                  name: paged
                - wait: 300ms
                - checkpoint: Did the dashboard show it?
                """);
        ScriptedAnswers answers = ScriptedAnswers.parse("answers.yaml", """
                answers:
                  - { checkpoint: paged, answer: yes, note: paged within 40s }
                  - { answer: no, note: the panel stayed green }
                """);
        answers.check(g);
        Path journal = dir.resolve("gd.json");
        GameDayResult result = runner.run(g, GameDayOptions.of(7), answers, new OperatorControls(clock), new GameDayJournal(journal));

        assertThat(result.outcome()).isEqualTo(GameDayOutcome.COMPLETED_WITH_FINDINGS);
        assertThat(result.reason()).isEqualTo("'Did the dashboard show it?' answered no");
        assertThat(types(journal)).containsExactly(
                "0:gameday-started",
                "1:step-started", "1:note", "1:step-ended",
                "2:step-started", "2:answer", "2:step-ended",
                "3:step-started", "3:step-ended",
                "4:step-started", "4:answer", "4:step-ended",
                "0:gameday-ended");
        JsonNode doc = JSON.readTree(journal.toFile());
        assertThat(doc.path("outcome").asText()).isEqualTo("completed-with-findings");
        assertThat(doc.path("gameDay").path("objectives").get(0).asText()).isEqualTo("Practise the checkpoints");
        JsonNode firstAnswer = doc.path("events").get(5);
        assertThat(firstAnswer.path("answer").asText()).isEqualTo("yes");
        assertThat(firstAnswer.path("note").asText()).isEqualTo("paged within 40s");
        assertThat(firstAnswer.path("by").asText()).isEqualTo("answer file");
        List<java.time.Instant> times = new ArrayList<>();
        doc.path("events").forEach(e -> times.add(java.time.Instant.parse(e.path("at").asText())));
        assertThat(times).isSorted();
        JsonNode waitStart = doc.path("events").get(7);
        JsonNode waitEnd = doc.path("events").get(8);
        assertThat(Duration.between(java.time.Instant.parse(waitStart.path("at").asText()), java.time.Instant.parse(waitEnd.path("at").asText())))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    @DisplayName("the journal on disk is complete JSON after every single event, so a crash at any moment leaves a readable timeline")
    void journalReadableAfterEveryEvent() throws Exception {
        GameDay g = gameDay("""
                - note: one
                - wait: 150ms
                - checkpoint: ok?
                """);
        Path journal = dir.resolve("gd.json");
        GameDayJournal writer = new GameDayJournal(journal);
        List<Integer> eventCountsOnDisk = new ArrayList<>();
        GameDayListener checkDisk = e -> {
            if (e.journaled()) {
                try {
                    JsonNode doc = JSON.readTree(Files.readString(journal));
                    eventCountsOnDisk.add(doc.path("events").size());
                    assertThat(doc.path("events").get(doc.path("events").size() - 1).path("type").asText()).isEqualTo(e.type());
                } catch (Exception ex) {
                    throw new AssertionError("journal unreadable after " + e.type(), ex);
                }
            }
        };
        runner.run(g, GameDayOptions.of(1), CheckpointAnswers.YES, new OperatorControls(clock), GameDayListener.all(List.of(writer, checkDisk)));
        assertThat(eventCountsOnDisk).hasSize(10).isSorted().doesNotHaveDuplicates();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("gd.json");
    }

    @Test
    @DisplayName("the operator can note at any time, skip a wait, and pull the cord at a checkpoint: nothing after the halt starts")
    void operatorSkipsNotesAndHalts() throws Exception {
        GameDay g = gameDay("""
                - wait: 10m
                - checkpoint: Did the front stay up?
                - note: never reached
                """);
        OperatorControls controls = new OperatorControls(clock);
        QueuedAnswers answers = new QueuedAnswers();
        List<GameDayEvent> events = new CopyOnWriteArrayList<>();
        Path journal = dir.resolve("gd.json");
        GameDayListener listener = GameDayListener.all(List.of(new GameDayJournal(journal), events::add));
        CompletableFuture<GameDayResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(g, GameDayOptions.of(1), answers, controls, listener);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().anyMatch(e -> e instanceof GameDayEvent.Countdown));
        controls.note("the wait is too long, skipping");
        controls.skip();
        await().atMost(Duration.ofSeconds(5)).until(answers::awaiting);
        assertThat(answers.answer(new Answer(false, "", "operator"))).isTrue();
        GameDayResult done = running.get(5, TimeUnit.SECONDS);
        assertThat(done.steps()).extracting(GameDayEvent.StepEnded::outcome).containsExactly("skipped", "no", "done");

        GameDay second = gameDay("""
                - checkpoint: Still there?
                - note: never reached
                """);
        QueuedAnswers unanswered = new QueuedAnswers();
        OperatorControls cord = new OperatorControls(clock);
        Path journal2 = dir.resolve("gd2.json");
        CompletableFuture<GameDayResult> halted = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(second, GameDayOptions.of(1), unanswered, cord, new GameDayJournal(journal2));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(unanswered::awaiting);
        cord.halt("pulled by bob: real incident");
        GameDayResult result = halted.get(5, TimeUnit.SECONDS);
        assertThat(result.outcome()).isEqualTo(GameDayOutcome.HALTED);
        assertThat(result.reason()).isEqualTo("pulled by bob: real incident");
        assertThat(types(journal2)).containsExactly("0:gameday-started", "1:step-started", "1:halt", "1:step-ended", "0:gameday-ended");
        assertThat(unanswered.awaiting()).isFalse();

        JsonNode doc = JSON.readTree(journal.toFile());
        List<String> notes = new ArrayList<>();
        doc.path("events").forEach(e -> {
            if (e.path("type").asText().equals("note")) {
                notes.add(e.path("step").asInt() + ":" + e.path("source").asText() + ":" + e.path("text").asText());
            }
        });
        assertThat(notes).containsExactly("1:operator:the wait is too long, skipping", "3:step:never reached");
    }
}
