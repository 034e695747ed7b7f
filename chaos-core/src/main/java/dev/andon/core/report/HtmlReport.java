package dev.andon.core.report;

import dev.andon.core.AndonInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One self-contained HTML page: inline CSS, inline SVG, no scripts, no fonts or images from anywhere, so it
 * opens offline and can be attached to a retrospective as it is.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(ReportInput input) {
        List<RunTrace> all = input.allRuns();
        List<Trend> trends = Trend.of(all);
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"generator\" content=\"Andon ").append(Text.html(AndonInfo.version())).append("\">")
                .append("<title>").append(Text.html(input.title())).append("</title><style>").append(css()).append("</style></head><body><main>\n");
        header(h, input, all);
        if (!input.gameDays().isEmpty()) {
            h.append("<section id=\"gamedays\"><h2>Game days</h2>");
            input.gameDays().forEach(g -> GameDaySection.render(h, g));
            h.append("</section>\n");
        }
        if (!trends.isEmpty()) {
            h.append("<section id=\"trends\"><h2>Trends</h2><p class=\"sub\">Time to recovery and hypothesis pass rate per experiment, oldest run left. "
                    + "A team getting better sees the first go down and the second go up.</p>");
            trends.forEach(t -> trend(h, t));
            h.append("</section>\n");
        }
        if (!all.isEmpty()) {
            h.append("<section id=\"runs\"><h2>Runs</h2>");
            all.forEach(r -> run(h, r));
            h.append("</section>\n");
        }
        h.append("<footer>Made by Andon ").append(Text.html(AndonInfo.version())).append(" on ").append(Text.day(input.generatedAt()))
                .append(". Times are UTC. This page needs no network and no scripts.</footer>");
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, ReportInput input, List<RunTrace> all) {
        h.append("<header class=\"page\"><h1>").append(Text.html(input.title())).append("</h1><p class=\"sub\">")
                .append(input.gameDays().size()).append(input.gameDays().size() == 1 ? " game day, " : " game days, ")
                .append(all.size()).append(all.size() == 1 ? " run" : " runs").append(" · generated ").append(Text.day(input.generatedAt()))
                .append("</p><div class=\"tiles\">");
        long held = all.stream().filter(r -> r.outcome().equals("held")).count();
        tile(h, "runs", Long.toString(all.size()), "runs");
        tile(h, "held", all.isEmpty() ? "–" : held + " / " + all.size(), "hypothesis held");
        List<Duration> ttrs = all.stream().flatMap(r -> r.timeToRecovery().stream()).sorted().toList();
        tile(h, "median-ttr", ttrs.isEmpty() ? "–" : Text.duration(ttrs.get(ttrs.size() / 2)), "median time to recovery");
        double rate = all.stream().flatMap(r -> r.passRate().stream()).mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        tile(h, "pass-rate", Double.isNaN(rate) ? "–" : Text.percent(rate), "probe samples passing");
        h.append("</div><nav class=\"toc\">");
        if (!input.gameDays().isEmpty()) {
            h.append("<a href=\"#gamedays\">Game days</a>");
        }
        if (!all.isEmpty()) {
            h.append("<a href=\"#trends\">Trends</a><a href=\"#runs\">Runs</a>");
        }
        h.append("</nav></header>\n");
    }

    private static void tile(StringBuilder h, String id, String value, String label) {
        h.append("<div class=\"tile\" data-tile=\"").append(id).append("\"><div class=\"value\">").append(Text.html(value))
                .append("</div><div class=\"label\">").append(Text.html(label)).append("</div></div>");
    }

    static String badge(String outcome) {
        String cls = outcome.replace(' ', '-').toLowerCase(Locale.ROOT);
        return "<span class=\"badge o-" + Text.html(cls) + "\" data-outcome=\"" + Text.html(outcome) + "\">" + Text.html(outcome) + "</span>";
    }

    private static void trend(StringBuilder h, Trend t) {
        h.append("<article class=\"trend\" data-experiment=\"").append(Text.html(t.experiment())).append("\"><h3>").append(Text.html(t.experiment()))
                .append("</h3><dl class=\"facts\"><dt>runs</dt><dd>").append(t.points().size()).append(", ").append(t.held()).append(" held</dd>")
                .append("<dt>median time to recovery</dt><dd class=\"median-ttr\">").append(t.medianTimeToRecovery().map(Text::duration).orElse("never broke"))
                .append("</dd><dt>average pass rate</dt><dd>").append(t.averagePassRate().map(Text::percent).orElse("–")).append("</dd></dl>")
                .append("<div class=\"charts\"><div class=\"chart\">").append(TrendChart.recovery(t)).append("</div><div class=\"chart\">")
                .append(TrendChart.passRate(t)).append("</div></div></article>\n");
    }

    static void run(StringBuilder h, RunTrace r) {
        h.append("<article class=\"run\" id=\"run-").append(Text.html(r.runId())).append("\" data-run-id=\"").append(Text.html(r.runId()))
                .append("\"><h3>").append(Text.html(r.experiment())).append(" ").append(badge(r.outcome())).append("</h3>")
                .append("<p class=\"reason\">").append(Text.html(r.reason())).append("</p><dl class=\"facts\">")
                .append("<dt>run</dt><dd><code>").append(Text.html(r.runId())).append("</code>").append(r.dryRun() ? " (dry run: nothing injected)" : "")
                .append("</dd><dt>trigger</dt><dd>").append(Text.html(r.trigger())).append("</dd>")
                .append("<dt>started</dt><dd>").append(Text.day(r.started())).append(" (").append(Text.clock(r.started())).append(")</dd>")
                .append("<dt>duration</dt><dd>").append(Text.duration(r.duration())).append("</dd>")
                .append("<dt>time to recovery</dt><dd class=\"ttr\" data-ttr-ms=\"").append(r.timeToRecovery().map(d -> Long.toString(d.toMillis())).orElse(""))
                .append("\">").append(Text.html(recovery(r))).append("</dd>")
                .append("<dt>targets</dt><dd class=\"targets\">");
        if (r.targets().isEmpty()) {
            h.append("none selected");
        } else {
            r.targets().forEach(t -> h.append("<div><code>").append(Text.html(t.id())).append("</code> ").append(Text.html(t.name()))
                    .append(" <span class=\"sub\">(").append(Text.html(t.targetSet())).append(", ").append(Text.html(t.provider())).append(")</span></div>"));
        }
        h.append("</dd></dl>");
        if (r.samples().isEmpty()) {
            h.append("<p class=\"empty\">No probe samples were recorded.</p>");
        } else {
            h.append("<div class=\"chart\">").append(ProbeChart.svg(r)).append("</div>");
        }
        if (!r.actions().isEmpty()) {
            h.append("<h4>Actions</h4><table class=\"actions\"><thead><tr><th>time</th><th>kind</th><th>action</th><th>target</th><th>status</th><th>what happened</th></tr></thead><tbody>");
            for (RunTrace.ActionTrace a : r.actions()) {
                h.append("<tr><td class=\"time\">").append(Text.clock(a.started())).append("</td><td>").append(Text.html(a.kind())).append("</td><td>")
                        .append(Text.html(a.action())).append("</td><td>").append(Text.html(a.target())).append("</td><td>").append(badge(a.status()))
                        .append("</td><td>").append(Text.html(a.summary())).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("</article>\n");
    }

    static String recovery(RunTrace r) {
        if (r.recoveryTimedOut()) {
            return "did not recover within the timeout";
        }
        Optional<Duration> ttr = r.timeToRecovery();
        if (ttr.isPresent()) {
            return Text.duration(ttr.get());
        }
        return r.flips().stream().anyMatch(f -> !f.holds()) ? "not measured" : "never broke";
    }

    private static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
