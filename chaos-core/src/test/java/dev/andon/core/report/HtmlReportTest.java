package dev.andon.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.engine.Selection;
import dev.andon.core.gameday.ExperimentSteps;
import dev.andon.core.gameday.GameDay;
import dev.andon.core.gameday.GameDayJournal;
import dev.andon.core.gameday.GameDayLoader;
import dev.andon.core.gameday.GameDayOptions;
import dev.andon.core.gameday.GameDayRunner;
import dev.andon.core.gameday.OperatorControls;
import dev.andon.core.gameday.ScriptedAnswers;
import dev.andon.core.load.Variables;
import dev.andon.core.model.Experiment;
import dev.andon.core.spi.PluginRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    @TempDir
    Path dir;

    /** A run whose hypothesis broke 1.2s in and held again 2.8s in: samples every 400ms, failing in between. */
    static RunTrace brokenAndRecovered(String runId, Instant start, long ttrMillis) {
        List<RunTrace.SampleTrace> samples = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            Instant at = start.plusMillis(400L * i);
            boolean passed = i < 3 || i > 6;
            samples.add(new RunTrace.SampleTrace("front", "during", at, passed, passed ? 20 + i : 900, passed ? "" : "status 502, expected 200"));
        }
        Instant injected = start.plusMillis(1000);
        return new RunTrace(runId, "kill-one", "cli", "held", "hypothesis held", start, start.plusSeconds(5),
                Optional.of(Duration.ofMillis(ttrMillis)), false, false,
                List.of(new RunTrace.TargetTrace("replicas", "local.process", "4242", "replica-2")),
                samples,
                List.of(new RunTrace.ActionTrace("method", "process.kill", "replica-2", injected, injected.plusMillis(5), "done", "sent KILL to 4242")),
                List.of(new RunTrace.Flip(start.plusMillis(1200), false, "front: status 502"), new RunTrace.Flip(start.plusMillis(2800), true, "holds again")));
    }

    private static Document render(ReportInput input) {
        return Jsoup.parse(HtmlReport.render(input));
    }

    @Test
    @DisplayName("a run shows its outcome, targets and time to recovery, and its chart has one point per sample with the moments marked")
    void runChart() {
        RunTrace run = brokenAndRecovered("r1", T0, 1800);
        Document doc = render(new ReportInput("Runs", T0.plusSeconds(60), List.of(run), List.of()));

        Element article = doc.selectFirst("article.run[data-run-id=r1]");
        assertThat(article.selectFirst("h3 .badge").attr("data-outcome")).isEqualTo("held");
        assertThat(article.selectFirst("dd.ttr").attr("data-ttr-ms")).isEqualTo("1800");
        assertThat(article.selectFirst("dd.ttr").text()).isEqualTo("1.8 s");
        assertThat(article.selectFirst("dd.targets").text()).contains("4242", "replica-2", "replicas", "local.process");

        List<Element> points = article.select("svg.probe-chart circle.sample");
        assertThat(points).hasSize(11);
        assertThat(points).extracting(p -> p.attr("data-offset-ms")).containsExactly(
                "0", "400", "800", "1200", "1600", "2000", "2400", "2800", "3200", "3600", "4000");
        assertThat(article.select("svg.probe-chart circle.sample.fail")).extracting(p -> p.attr("data-offset-ms"))
                .containsExactly("1200", "1600", "2000", "2400");
        assertThat(article.select("svg.probe-chart circle.sample.fail")).allSatisfy(p -> assertThat(p.attr("data-latency-ms")).isEqualTo("900"));
        assertThat(article.select("rect.verdict")).extracting(r -> r.className() + "x" + r.attr("data-count"))
                .containsExactly("verdict passx3", "verdict failx4", "verdict passx4");

        assertThat(article.selectFirst("g.marker.injection").attr("data-at")).isEqualTo(T0.plusMillis(1000).toString());
        assertThat(article.selectFirst("g.marker.break").attr("data-at")).isEqualTo(T0.plusMillis(1200).toString());
        assertThat(article.selectFirst("g.marker.recovery").attr("data-at")).isEqualTo(T0.plusMillis(2800).toString());
        assertThat(article.selectFirst("g.marker.recovery").text()).contains("recovered (1.8 s)");
        // Points left to right in time, the injection rule between the third and fourth sample.
        List<Double> xs = points.stream().map(p -> Double.parseDouble(p.attr("cx"))).toList();
        assertThat(xs).isSorted();
        double injectionX = Double.parseDouble(article.selectFirst("g.marker.injection line").attr("x1"));
        assertThat(injectionX).isBetween(xs.get(2), xs.get(3));
        assertThat(article.select("table.actions tbody tr")).singleElement().extracting(Element::text).asString()
                .contains("process.kill", "replica-2", "sent KILL to 4242");
    }

    @Test
    @DisplayName("a long run keeps every sample in its latency line but marks only its failures and an even spread of passes")
    void longRunStaysLight() {
        RunTrace shortRun = brokenAndRecovered("r1", T0, 1800);
        List<RunTrace.SampleTrace> samples = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            samples.add(new RunTrace.SampleTrace("front", "during", T0.plusMillis(100L * i), i < 1000 || i >= 1010, 10, ""));
        }
        RunTrace longRun = new RunTrace("long", "kill-one", "cli", "held", "", T0, T0.plusSeconds(300), Optional.empty(), false, false,
                List.of(), samples, shortRun.actions(), List.of());
        Element chart = render(new ReportInput("Long", T0, List.of(longRun), List.of())).selectFirst("svg.probe-chart");
        assertThat(chart.selectFirst("polyline.latency").attr("data-samples")).isEqualTo("3000");
        assertThat(chart.selectFirst("polyline.latency").attr("points").split(" ")).hasSize(3000);
        assertThat(chart.select("circle.sample.fail")).hasSize(10);
        assertThat(chart.select("circle.sample.pass")).hasSizeBetween(190, 210);
        assertThat(chart.select("rect.verdict")).extracting(r -> r.attr("data-count")).containsExactly("1000", "10", "1990");
    }

    @Test
    @DisplayName("the trend of an experiment has one point per run, oldest first, with its time to recovery and pass rate")
    void trend() {
        RunTrace first = brokenAndRecovered("r1", T0, 4000);
        RunTrace second = brokenAndRecovered("r2", T0.plusSeconds(86_400), 2500);
        RunTrace third = brokenAndRecovered("r3", T0.plusSeconds(2 * 86_400), 1200);
        Document doc = render(new ReportInput("Trend", T0, List.of(third, first, second), List.of()));

        Element trend = doc.selectFirst("article.trend[data-experiment=kill-one]");
        assertThat(trend.select("svg.ttr circle.point")).extracting(p -> p.attr("data-run-id") + "=" + p.attr("data-value"))
                .containsExactly("r1=4", "r2=2.5", "r3=1.2");
        assertThat(trend.select("svg.pass-rate circle.point")).extracting(p -> p.attr("data-value")).containsOnly("63.6");
        assertThat(trend.selectFirst("dd.median-ttr").text()).isEqualTo("2.5 s");
        assertThat(doc.selectFirst("[data-tile=median-ttr] .value").text()).isEqualTo("2.5 s");
        assertThat(doc.selectFirst("[data-tile=held] .value").text()).isEqualTo("3 / 3");
        // Lower on the chart means a longer recovery: the team got better.
        List<Double> ys = trend.select("svg.ttr circle.point").stream().map(p -> Double.parseDouble(p.attr("cy"))).toList();
        assertThat(ys).isSortedAccordingTo((a, b) -> Double.compare(a, b));
    }

    @Test
    @DisplayName("a game day shows its conclusions, each step's outcome, the checkpoint answers, notes and the timeline from its journal")
    void gameDay() throws Exception {
        Path journal = dir.resolve("gd.json");
        GameDay g = new GameDayLoader((f, n, p) -> Optional.empty()).load("gd.yaml", dir, """
                apiVersion: andon.dev/v1
                kind: GameDay
                metadata: { name: drill, description: a drill }
                spec:
                  title: Pager drill
                  objectives: [The on-call gets paged within a minute]
                  roles: { owner: alice, coordinator: bob, reporter: carol, observers: [dave] }
                  hypotheses: [Paging works]
                  steps:
                    - note: page now
                    - checkpoint: Did the on-call get paged?
                      name: paged
                    - checkpoint: Did the runbook help?
                      name: runbook
                """, Variables.NONE);
        ScriptedAnswers answers = ScriptedAnswers.parse("a.yaml", """
                answers:
                  - { answer: yes, note: paged after 40s }
                  - { answer: no, note: "the runbook <link> was dead" }
                """);
        new GameDayRunner(NO_EXPERIMENTS, PluginRegistry.of(), Clock.systemUTC())
                .run(g, GameDayOptions.of(1), answers, new OperatorControls(Clock.systemUTC()), new GameDayJournal(journal));
        GameDayTrace trace = ((JournalFiles.GameDay) JournalFiles.read(journal)).trace();
        Document doc = render(new ReportInput("Drill", Instant.now(), List.of(), List.of(trace)));

        Element article = doc.selectFirst("article.gameday[data-gameday=drill]");
        assertThat(article.selectFirst("h3 .badge").attr("data-outcome")).isEqualTo("completed-with-findings");
        assertThat(article.selectFirst(".conclusion").text()).isEqualTo("Every step ran, with 1 finding to discuss.");
        assertThat(article.select("ol.objectives li")).extracting(Element::text).containsExactly("The on-call gets paged within a minute");
        assertThat(article.select("ul.evidence li.bad")).extracting(Element::text)
                .containsExactly("step 3 runbook: \u201cDid the runbook help?\u201d no — the runbook <link> was dead");
        assertThat(article.select("ul.evidence li.good")).extracting(Element::text)
                .containsExactly("step 2 paged: \u201cDid the on-call get paged?\u201d yes — paged after 40s");
        assertThat(article.select("table.steps tbody tr")).extracting(r -> r.select("td").get(1).text() + ":" + r.selectFirst(".badge").text())
                .containsExactly("note-1:done", "paged:yes", "runbook:no");
        assertThat(article.select("table.answers tbody tr")).extracting(r -> r.select("td").get(2).text() + " " + r.select("td").get(3).text())
                .containsExactly("yes paged after 40s", "no the runbook <link> was dead");
        assertThat(article.select("ul.notes li")).extracting(Element::text).singleElement().asString().endsWith("step page now");
        assertThat(article.select("table.timeline tbody tr")).extracting(r -> r.attr("data-type")).containsExactly(
                "gameday-started", "step-started", "note", "step-ended", "step-started", "answer", "step-ended",
                "step-started", "answer", "step-ended", "gameday-ended");
        assertThat(article.select("svg.step-strip g.step-bar")).extracting(b -> b.attr("data-outcome")).containsExactly("done", "yes", "no");
        assertThat(article.text()).contains("alice", "bob", "carol", "dave", "Paging works");
    }

    @Test
    @DisplayName("the page is self-contained: no scripts, no external stylesheets, fonts or images, and every text is escaped")
    void selfContained() {
        RunTrace run = brokenAndRecovered("r<1>", T0, 1800);
        String html = HtmlReport.render(new ReportInput("<script>alert(1)</script>", T0, List.of(run), List.of()));
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script")).isEmpty();
        assertThat(doc.select("link, img, iframe, object, embed")).isEmpty();
        assertThat(doc.select("[src]")).isEmpty();
        assertThat(doc.select("a[href]")).allSatisfy(a -> assertThat(a.attr("href")).startsWith("#"));
        assertThat(html).doesNotContain("url(", "@import", "http://", "https://");
        assertThat(doc.title()).isEqualTo("<script>alert(1)</script>");
        assertThat(doc.select("svg")).isNotEmpty();
    }

    @Test
    @DisplayName("the Markdown report carries the same facts as tables: outcomes, times to recovery and the timeline")
    void markdown() {
        RunTrace run = brokenAndRecovered("r1", T0, 1800);
        String md = MarkdownReport.render(new ReportInput("Runs", T0, List.of(run), List.of()));
        assertThat(md).startsWith("# Runs\n");
        assertThat(md).contains("| kill-one | 1 | 1 | 1.8 s | 64% | 1.8 s |");
        assertThat(md).contains("### kill-one — **held**", "- Time to recovery: 1.8 s", "- Injection at 10:00:01", "- Recovered at 10:00:02",
                "- Probe front: 7/11 samples passed, slowest 900 ms");
    }

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

}
