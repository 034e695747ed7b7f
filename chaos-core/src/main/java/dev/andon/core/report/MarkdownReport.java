package dev.andon.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The report as Markdown, for tickets and wikis: the same facts as the HTML page, tables instead of charts. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(ReportInput input) {
        List<RunTrace> all = input.allRuns();
        StringBuilder m = new StringBuilder();
        m.append("# ").append(Text.md(input.title())).append("\n\n");
        m.append("_").append(input.gameDays().size()).append(" game day(s), ").append(all.size()).append(" run(s); generated ")
                .append(Text.day(input.generatedAt())).append(" by Andon._\n\n");
        for (GameDayTrace g : input.gameDays()) {
            gameDay(m, g);
        }
        List<Trend> trends = Trend.of(all);
        if (!trends.isEmpty()) {
            m.append("## Trends\n\n| experiment | runs | held | median time to recovery | average pass rate | time to recovery, oldest first |\n|---|---:|---:|---:|---:|---|\n");
            for (Trend t : trends) {
                m.append("| ").append(Text.md(t.experiment())).append(" | ").append(t.points().size()).append(" | ").append(t.held()).append(" | ")
                        .append(t.medianTimeToRecovery().map(Text::duration).orElse("never broke")).append(" | ")
                        .append(t.averagePassRate().map(Text::percent).orElse("–")).append(" | ")
                        .append(String.join(" → ", t.points().stream().map(p -> p.recoveryTimedOut() ? "timeout"
                                : p.timeToRecovery().map(Text::duration).orElse("–")).toList())).append(" |\n");
            }
            m.append('\n');
        }
        if (!all.isEmpty()) {
            m.append("## Runs\n\n");
            for (RunTrace r : all) {
                run(m, r);
            }
        }
        return m.toString();
    }

    private static void gameDay(StringBuilder m, GameDayTrace g) {
        Instant end = g.ended().orElse(g.started());
        m.append("## Game day: ").append(Text.md(g.title())).append(" — **").append(g.outcome()).append("**\n\n");
        if (!g.description().isEmpty()) {
            m.append(Text.md(g.description())).append("\n\n");
        }
        m.append("- When: ").append(Text.day(g.started())).append(" → ").append(Text.clock(end)).append(" (")
                .append(Text.duration(Duration.between(g.started(), end))).append(")\n");
        GameDayTrace.People p = g.people();
        if (!p.owner().isEmpty()) {
            m.append("- Owner: ").append(Text.md(p.owner())).append('\n');
        }
        if (!p.coordinator().isEmpty()) {
            m.append("- Coordinator: ").append(Text.md(p.coordinator())).append('\n');
        }
        if (!p.reporter().isEmpty()) {
            m.append("- Reporter: ").append(Text.md(p.reporter())).append('\n');
        }
        if (!p.observers().isEmpty()) {
            m.append("- Observers: ").append(Text.md(String.join(", ", p.observers()))).append('\n');
        }
        Conclusions c = Conclusions.of(g);
        m.append("\n### Conclusions\n\n> ").append(Text.md(c.verdict())).append("\n\n");
        if (!g.objectives().isEmpty()) {
            m.append("Objectives (review each against the evidence):\n\n");
            for (int i = 0; i < g.objectives().size(); i++) {
                m.append(i + 1).append(". ").append(Text.md(g.objectives().get(i))).append('\n');
            }
            m.append('\n');
        }
        c.findings().forEach(f -> m.append("- ✖ ").append(Text.md(f)).append('\n'));
        c.held().forEach(f -> m.append("- ✔ ").append(Text.md(f)).append('\n'));
        c.notReached().forEach(f -> m.append("- – not reached: ").append(Text.md(f)).append('\n'));
        m.append("\n### Steps\n\n| # | step | what | outcome | took | summary |\n|---:|---|---|---|---:|---|\n");
        for (GameDayTrace.StepTrace s : g.steps()) {
            m.append("| ").append(s.step()).append(" | ").append(Text.md(s.name())).append(" | ").append(Text.md(s.description())).append(" | **")
                    .append(s.outcome()).append("** | ")
                    .append(s.started().isPresent() && s.ended().isPresent() ? Text.duration(Duration.between(s.started().get(), s.ended().get())) : "")
                    .append(" | ").append(Text.md(s.summary())).append(" |\n");
        }
        m.append("\n### Timeline\n\n| time | since start | step | event | detail |\n|---|---:|---:|---|---|\n");
        for (GameDayTrace.TimelineEntry e : g.timeline()) {
            m.append("| ").append(Text.clock(e.at())).append(" | ").append(Text.offset(g.started(), e.at())).append(" | ")
                    .append(e.step() == 0 ? "" : Integer.toString(e.step())).append(" | ").append(e.type()).append(" | ")
                    .append(Text.md(GameDaySection.detail(e))).append(" |\n");
        }
        m.append('\n');
    }

    private static void run(StringBuilder m, RunTrace r) {
        m.append("### ").append(Text.md(r.experiment())).append(" — **").append(r.outcome()).append("**\n\n");
        m.append(Text.md(r.reason())).append("\n\n");
        m.append("- Run: `").append(r.runId()).append("`").append(r.dryRun() ? " (dry run)" : "").append(", trigger ").append(Text.md(r.trigger())).append('\n');
        m.append("- Started: ").append(Text.day(r.started())).append(", took ").append(Text.duration(r.duration())).append('\n');
        m.append("- Time to recovery: ").append(HtmlReport.recovery(r)).append('\n');
        r.firstInjection().ifPresent(at -> m.append("- Injection at ").append(Text.clock(at)).append('\n'));
        r.recoveredAt().ifPresent(at -> m.append("- Recovered at ").append(Text.clock(at)).append('\n'));
        m.append("- Targets: ").append(r.targets().isEmpty() ? "none" : String.join(", ",
                r.targets().stream().map(t -> "`" + t.id() + "` " + Text.md(t.name())).toList())).append('\n');
        for (String probe : r.probeNames()) {
            List<RunTrace.SampleTrace> s = r.samples().stream().filter(x -> x.probe().equals(probe)).toList();
            long passed = s.stream().filter(RunTrace.SampleTrace::passed).count();
            long max = s.stream().mapToLong(RunTrace.SampleTrace::latencyMillis).max().orElse(0);
            m.append("- Probe ").append(Text.md(probe)).append(": ").append(passed).append("/").append(s.size()).append(" samples passed, slowest ")
                    .append(max).append(" ms\n");
        }
        m.append('\n');
    }
}
