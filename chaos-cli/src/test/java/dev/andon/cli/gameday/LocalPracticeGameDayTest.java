package dev.andon.cli.gameday;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.cli.AndonCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped practice game day, run end to end as a user runs it on a fresh machine: {@code andon gameday run
 * experiments/gamedays/local-practice.yaml --yes} (the file asks for the practice fleet, so real replica
 * processes start for the session), then turned into a report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalPracticeGameDayTest {

    static final Path EXAMPLE = Path.of("..", "experiments", "gamedays", "local-practice.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private Path journal;
    private int exitCode;
    private String output;

    @BeforeAll
    void runTheGameDay(@TempDir Path tempDir) {
        dir = tempDir;
        journal = dir.resolve("journals").resolve("practice.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        exitCode = AndonCli.run(new PrintWriter(out), new PrintWriter(err),
                "gameday", "run", EXAMPLE.toString(), "--yes", "--journal", journal.toString(), "--seed", "11",
                "--data-dir", dir.resolve("store").toString());
        output = out + err.toString();
    }

    static List<String> timeline(Path journal) throws Exception {
        List<String> events = new ArrayList<>();
        JSON.readTree(journal.toFile()).path("events").forEach(e -> events.add(e.path("step").asInt() + ":" + e.path("type").asText()));
        return events;
    }

    @Test
    @DisplayName("--yes runs the practice game day to the end: every experiment held, every checkpoint answered, exit code 0")
    void runsToTheEnd() throws Exception {
        assertThat(exitCode).as(output).isZero();
        JsonNode doc = JSON.readTree(journal.toFile());
        assertThat(doc.path("outcome").asText()).isEqualTo("completed");
        List<String> stepOutcomes = new ArrayList<>();
        doc.path("events").forEach(e -> {
            if (e.path("type").asText().equals("step-ended")) {
                stepOutcomes.add(e.path("name").asText() + "=" + e.path("outcome").asText());
            }
        });
        assertThat(stepOutcomes).containsExactly("briefing=done", "kill-one-replica=held", "front-stayed-up=yes", "settle=done",
                "pause-one-replica=held", "slowdown-visible=yes", "wrap-up=done");
        assertThat(output).contains("practice fleet: 3 replicas", "▶ step 2/7 experiment experiments/kill-one-replica.yaml",
                "⚡ injection: process.kill", "══ game day completed", "journal: " + journal);
    }

    @Test
    @DisplayName("the timeline holds every event in order, timestamped: steps, injections, the probe flip and recovery, answers, notes")
    void timelineInOrder() throws Exception {
        List<String> events = timeline(journal);
        assertThat(events.get(0)).isEqualTo("0:gameday-started");
        assertThat(events.get(events.size() - 1)).isEqualTo("0:gameday-ended");
        assertThat(events).containsSubsequence(
                "1:step-started", "1:note", "1:step-ended",
                "2:step-started", "2:injection", "2:probe-flip", "2:recovered", "2:step-ended",
                "3:step-started", "3:answer", "3:step-ended",
                "4:step-started", "4:step-ended",
                "5:step-started", "5:injection", "5:rollback", "5:step-ended",
                "6:step-started", "6:answer", "6:step-ended",
                "7:step-started", "7:note", "7:step-ended");
        // The fleet's supervisor saw the killed replica go and come back, during step 2.
        JsonNode doc = JSON.readTree(journal.toFile());
        List<String> fleetNotes = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        doc.path("events").forEach(e -> {
            times.add(Instant.parse(e.path("at").asText()));
            if (e.path("source").asText().equals("fleet")) {
                fleetNotes.add(e.path("step").asInt() + ":" + e.path("text").asText());
            }
        });
        assertThat(fleetNotes).anyMatch(n -> n.startsWith("2:") && n.contains("exited with status 137"));
        assertThat(doc.path("runs")).hasSize(2);
        assertThat(doc.path("runs").get(0).path("timeToRecoveryMillis").asLong()).isPositive();
        assertThat(doc.path("runs").get(0).path("samples").size()).isGreaterThan(5);
    }

    @Test
    @DisplayName("each experiment step also writes its own run journal next to the game-day journal")
    void runJournals() throws Exception {
        try (Stream<Path> files = Files.list(journal.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .hasSize(3)
                    .anyMatch(n -> n.startsWith("kill-one-replica-gameday-"))
                    .anyMatch(n -> n.startsWith("pause-one-replica-"))
                    .contains("practice.json");
        }
    }

    @Test
    @DisplayName("andon report turns the journals into one HTML page with the game day, its runs' charts and the trend")
    void report() throws Exception {
        Path html = dir.resolve("report.html");
        StringWriter out = new StringWriter();
        int code = AndonCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "report", journal.getParent().toString(), "--output", html.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("1 game day(s), 2 run(s)");
        Document doc = Jsoup.parse(html.toFile());
        JsonNode journalDoc = JSON.readTree(journal.toFile());

        assertThat(doc.title()).isEqualTo("Practice game day: the storefront survives a dead and a frozen replica");
        Element gameDay = doc.selectFirst("article.gameday[data-gameday=local-practice]");
        assertThat(gameDay.selectFirst("h3 .badge").text()).isEqualTo("completed");
        assertThat(gameDay.select("table.steps tbody tr .badge")).extracting(Element::text)
                .containsExactly("done", "held", "yes", "done", "held", "yes", "done");
        assertThat(gameDay.select("table.timeline tbody tr")).hasSize(journalDoc.path("events").size());

        JsonNode killRun = journalDoc.path("runs").get(0);
        Element run = doc.selectFirst("article.run[data-run-id=" + killRun.path("runId").asText() + "]");
        assertThat(run.selectFirst("h3 .badge").text()).isEqualTo("held");
        assertThat(run.selectFirst("dd.ttr").attr("data-ttr-ms")).isEqualTo(killRun.path("timeToRecoveryMillis").asText());
        assertThat(run.select("svg.probe-chart circle.sample")).hasSize(hypothesisSamples(journal.getParent(), killRun.path("runId").asText()));
        assertThat(run.select("g.marker.injection")).hasSize(1);
        assertThat(run.select("g.marker.recovery")).hasSize(1);
        assertThat(doc.select("article.trend")).extracting(t -> t.attr("data-experiment"))
                .containsExactly("kill-one-replica-gameday", "pause-one-replica");

        ChromiumScreenshot.assertRendersCleanly(html, dir.resolve("chromium"));
    }

    @Test
    @DisplayName("the game day's runs are recorded in the history store, so report --since finds them with their charts")
    void reportFromHistory() throws Exception {
        Path html = dir.resolve("history.html");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AndonCli.run(new PrintWriter(out), new PrintWriter(err), "report", "--since", "1h", "--data-dir", dir.resolve("store").toString(),
                "--output", html.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("0 game day(s), 2 run(s)");
        Document doc = Jsoup.parse(html.toFile());
        assertThat(doc.select("article.run")).extracting(a -> a.selectFirst("h3").ownText() + "/" + a.select("dd").get(1).text())
                .containsExactly("kill-one-replica-gameday/gameday:local-practice", "pause-one-replica/gameday:local-practice");
        assertThat(doc.select("article.run svg.probe-chart")).hasSize(2);
    }

    /** Samples of a run as its own run journal recorded them. */
    private static int hypothesisSamples(Path folder, String runId) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            Path runJournal = files.filter(p -> p.getFileName().toString().endsWith(runId + ".json")).findFirst().orElseThrow();
            return JSON.readTree(runJournal.toFile()).path("probes").size();
        }
    }
}
