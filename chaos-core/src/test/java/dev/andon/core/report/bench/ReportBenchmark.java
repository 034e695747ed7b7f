package dev.andon.core.report.bench;

import dev.andon.core.gameday.GameDay;
import dev.andon.core.gameday.GameDayEvent;
import dev.andon.core.gameday.GameDayJournal;
import dev.andon.core.gameday.GameDayStep;
import dev.andon.core.gameday.Roles;
import dev.andon.core.model.Metadata;
import dev.andon.core.report.HtmlReport;
import dev.andon.core.report.ReportInput;
import dev.andon.core.report.RunTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Prints how long Andon takes to render an HTML report of many long runs, and what one game-day journal
 * event costs when the journal is rewritten whole at every event. Not a test: run it with
 * {@code java -cp chaos-core/target/test-classes:chaos-core/target/classes:$(cat chaos-core/target/bench-cp.txt) dev.andon.core.report.bench.ReportBenchmark}.
 */
public final class ReportBenchmark {

    private static final int RUNS = 50;
    private static final int SAMPLES_PER_RUN = 1500;
    private static final int WARMUP = 5;
    private static final int MEASURED = 20;
    private static final int JOURNAL_EVENTS = 500;

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        List<RunTrace> runs = new ArrayList<>();
        for (int r = 0; r < RUNS; r++) {
            runs.add(run("run-" + r, t0.plus(Duration.ofHours(6L * r)), random));
        }
        ReportInput input = new ReportInput("Benchmark", t0, runs, List.of());
        long size = 0;
        for (int i = 0; i < WARMUP; i++) {
            size = HtmlReport.render(input).length();
        }
        long[] millis = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            HtmlReport.render(input);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        java.util.Arrays.sort(millis);
        System.out.printf("html report: %d runs x %d samples -> %.1f MB, median %d ms, max %d ms (%d rounds after %d warm-up)%n",
                RUNS, SAMPLES_PER_RUN, size / 1e6, millis[MEASURED / 2], millis[MEASURED - 1], MEASURED, WARMUP);

        Path dir = Files.createTempDirectory("andon-journal-bench");
        GameDayStep.Note note = new GameDayStep.Note("n", "a note");
        GameDay gameDay = new GameDay("bench.yaml", new Metadata("bench", "", Map.of()), "Bench", List.of(), Roles.NONE, List.of(), Map.of(),
                List.of(note), null, 0);
        GameDayJournal journal = new GameDayJournal(dir.resolve("gd.json"));
        journal.on(new GameDayEvent.Started(t0, gameDay));
        long[] eventMicros = new long[JOURNAL_EVENTS];
        for (int i = 0; i < JOURNAL_EVENTS; i++) {
            GameDayEvent event = i % 50 == 49
                    ? new GameDayEvent.StepEnded(t0, 1, note, "held", "ok", Optional.of(run("gd-run-" + i, t0, random).withSamples(300)))
                    : new GameDayEvent.Noted(t0.plusMillis(i), 1, "note " + i, "operator");
            long start = System.nanoTime();
            journal.on(event);
            eventMicros[i] = (System.nanoTime() - start) / 1000;
        }
        System.out.printf("game-day journal: event 1 %.1f ms, event 250 %.1f ms, event 500 %.1f ms; final file %.1f MB (10 runs x 300 samples, 490 notes)%n",
                eventMicros[0] / 1000.0, eventMicros[249] / 1000.0, eventMicros[JOURNAL_EVENTS - 1] / 1000.0,
                Files.size(dir.resolve("gd.json")) / 1e6);
    }

    private static RunTrace run(String id, Instant start, SplittableRandom random) {
        List<RunTrace.SampleTrace> samples = new ArrayList<>();
        for (int i = 0; i < SAMPLES_PER_RUN; i++) {
            boolean passed = i < 200 || i > 260;
            samples.add(new RunTrace.SampleTrace(i % 2 == 0 ? "front" : "replicas", "during", start.plusMillis(200L * i), passed,
                    passed ? 5 + random.nextInt(40) : 900, passed ? "" : "status 502"));
        }
        return new RunTrace(id, "exp-" + (id.hashCode() & 3), "schedule:nightly", "held", "hypothesis held", start, start.plusMillis(200L * SAMPLES_PER_RUN),
                Optional.of(Duration.ofMillis(12_000 + random.nextInt(8000))), false, false,
                List.of(new RunTrace.TargetTrace("pods", "k8s.pod", "shop/web-1", "web-1")), samples,
                List.of(new RunTrace.ActionTrace("method", "k8s.pod.delete", "web-1", start.plusSeconds(30), start.plusSeconds(31), "done", "deleted")),
                List.of(new RunTrace.Flip(start.plusSeconds(40), false, "front: status 502"), new RunTrace.Flip(start.plusSeconds(52), true, "holds")));
    }
}
