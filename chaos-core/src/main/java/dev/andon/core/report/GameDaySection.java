package dev.andon.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The HTML of one game day: conclusions first (what the review needs), then steps, answers, notes and the timeline. */
final class GameDaySection {

    private GameDaySection() {
    }

    static void render(StringBuilder h, GameDayTrace g) {
        Instant end = g.ended().orElseGet(() -> g.timeline().isEmpty() ? g.started() : g.timeline().get(g.timeline().size() - 1).at());
        h.append("<article class=\"gameday\" id=\"gameday-").append(Text.html(g.name())).append("\" data-gameday=\"").append(Text.html(g.name()))
                .append("\"><h3>").append(Text.html(g.title())).append(" ").append(HtmlReport.badge(g.outcome())).append("</h3>");
        if (!g.description().isEmpty()) {
            h.append("<p class=\"sub\">").append(Text.html(g.description())).append("</p>");
        }
        h.append("<dl class=\"facts\"><dt>when</dt><dd>").append(Text.day(g.started())).append(" → ").append(Text.clock(end))
                .append(" (").append(Text.duration(Duration.between(g.started(), end))).append(")</dd>");
        person(h, "owner", g.people().owner());
        person(h, "coordinator", g.people().coordinator());
        person(h, "reporter", g.people().reporter());
        person(h, "observers", String.join(", ", g.people().observers()));
        h.append("<dt>file</dt><dd><code>").append(Text.html(g.source())).append("</code></dd></dl>");

        Conclusions c = Conclusions.of(g);
        h.append("<h4>Conclusions</h4><div class=\"conclusion\">").append(Text.html(c.verdict())).append("</div>");
        if (!g.objectives().isEmpty()) {
            h.append("<p><strong>Objectives</strong> — review each against the evidence below:</p><ol class=\"objectives\">");
            g.objectives().forEach(o -> h.append("<li>").append(Text.html(o)).append("</li>"));
            h.append("</ol>");
        }
        h.append("<ul class=\"evidence\">");
        c.findings().forEach(f -> h.append("<li class=\"bad\">").append(Text.html(f)).append("</li>"));
        c.held().forEach(f -> h.append("<li class=\"good\">").append(Text.html(f)).append("</li>"));
        c.notReached().forEach(f -> h.append("<li class=\"skip\">not reached: ").append(Text.html(f)).append("</li>"));
        h.append("</ul>");
        if (!g.hypotheses().isEmpty()) {
            h.append("<p><strong>Hypotheses</strong></p><ul>");
            g.hypotheses().forEach(x -> h.append("<li>").append(Text.html(x)).append("</li>"));
            h.append("</ul>");
        }

        h.append("<h4>Steps</h4><div class=\"chart\">").append(strip(g, end)).append("</div>");
        h.append("<table class=\"steps\"><thead><tr><th class=\"num\">#</th><th>step</th><th>what</th><th>outcome</th><th class=\"num\">took</th><th>summary</th></tr></thead><tbody>");
        for (GameDayTrace.StepTrace s : g.steps()) {
            h.append("<tr data-step=\"").append(s.step()).append("\"><td class=\"num\">").append(s.step()).append("</td><td>").append(Text.html(s.name()))
                    .append("</td><td>").append(Text.html(s.description())).append("</td><td>").append(HtmlReport.badge(s.outcome()))
                    .append("</td><td class=\"num\">").append(s.started().isPresent() && s.ended().isPresent()
                            ? Text.duration(Duration.between(s.started().get(), s.ended().get())) : "")
                    .append("</td><td>").append(Text.html(s.summary()));
            s.runId().ifPresent(id -> h.append(" <a href=\"#run-").append(Text.html(id)).append("\">run details</a>"));
            h.append("</td></tr>");
        }
        h.append("</tbody></table>");

        List<GameDayTrace.TimelineEntry> answers = g.entries("answer");
        if (!answers.isEmpty()) {
            h.append("<h4>Checkpoint answers</h4><table class=\"answers\"><thead><tr><th>time</th><th>question</th><th>answer</th><th>note</th><th>by</th></tr></thead><tbody>");
            for (GameDayTrace.TimelineEntry a : answers) {
                h.append("<tr><td class=\"time\">").append(Text.clock(a.at())).append("</td><td>").append(Text.html(a.field("question"))).append("</td><td>")
                        .append(HtmlReport.badge(a.field("answer"))).append("</td><td>").append(Text.html(a.field("note"))).append("</td><td>")
                        .append(Text.html(a.field("by"))).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        List<GameDayTrace.TimelineEntry> notes = g.entries("note");
        if (!notes.isEmpty()) {
            h.append("<h4>Notes</h4><ul class=\"notes\">");
            notes.forEach(n -> h.append("<li><span class=\"sub\">").append(Text.clock(n.at())).append(" · ").append(Text.html(n.field("source")))
                    .append("</span> ").append(Text.html(n.field("text"))).append("</li>"));
            h.append("</ul>");
        }

        h.append("<h4>Timeline</h4><table class=\"timeline\"><thead><tr><th>time</th><th class=\"num\">since start</th><th class=\"num\">step</th><th>event</th><th>detail</th></tr></thead><tbody>");
        for (GameDayTrace.TimelineEntry e : g.timeline()) {
            h.append("<tr class=\"ev-").append(Text.html(e.type())).append("\" data-type=\"").append(Text.html(e.type())).append("\"><td class=\"time\">")
                    .append(Text.clock(e.at())).append("</td><td class=\"time num\">").append(Text.offset(g.started(), e.at())).append("</td><td class=\"num\">")
                    .append(e.step() == 0 ? "" : Integer.toString(e.step())).append("</td><td class=\"event\">").append(Text.html(e.type()))
                    .append("</td><td>").append(Text.html(detail(e))).append("</td></tr>");
        }
        h.append("</tbody></table></article>\n");
    }

    private static void person(StringBuilder h, String role, String who) {
        if (!who.isEmpty()) {
            h.append("<dt>").append(role).append("</dt><dd>").append(Text.html(who)).append("</dd>");
        }
    }

    static String detail(GameDayTrace.TimelineEntry e) {
        return switch (e.type()) {
            case "gameday-started" -> e.field("title");
            case "step-started" -> e.field("name") + ": " + e.field("description");
            case "step-ended" -> e.field("name") + " → " + e.field("outcome") + (e.field("summary").isEmpty() ? "" : " (" + e.field("summary") + ")");
            case "injection" -> e.field("action") + (e.field("target").isEmpty() ? "" : " on " + e.field("target")) + ": " + e.field("summary");
            case "probe-flip" -> "hypothesis broke: " + e.field("reason");
            case "recovered" -> "hypothesis holds again";
            case "rollback" -> e.field("action") + (e.field("target").isEmpty() ? "" : " on " + e.field("target")) + " " + e.field("status") + ": " + e.field("summary");
            case "answer" -> e.field("question") + " " + e.field("answer") + (e.field("note").isEmpty() ? "" : " — " + e.field("note"));
            case "note" -> e.field("text");
            case "halt" -> e.field("cause") + ": " + e.field("reason");
            case "gameday-ended" -> e.field("outcome") + ": " + e.field("reason");
            default -> e.fields().toString();
        };
    }

    /** A Gantt strip of the steps over the game day's time, coloured by outcome. */
    private static String strip(GameDayTrace g, Instant end) {
        int width = 1000;
        int left = 10;
        double plot = width - 2 * left;
        double span = Math.max(1, Duration.between(g.started(), end).toMillis());
        StringBuilder s = new StringBuilder();
        s.append("<svg class=\"step-strip\" viewBox=\"0 0 ").append(width)
                .append(" 64\" width=\"100%\" role=\"img\" aria-label=\"Steps over time\">");
        for (GameDayTrace.StepTrace st : g.steps()) {
            if (st.started().isEmpty()) {
                continue;
            }
            Instant stepEnd = st.ended().orElse(end);
            double x0 = left + plot * Duration.between(g.started(), st.started().get()).toMillis() / span;
            double w = Math.max(4, plot * Duration.between(st.started().get(), stepEnd).toMillis() / span);
            s.append(String.format(Locale.ROOT, "<g class=\"step-bar\" data-step=\"%d\" data-outcome=\"%s\"><rect x=\"%.1f\" y=\"8\" width=\"%.1f\" height=\"28\" rx=\"4\" fill=\"%s\"/>",
                    st.step(), Text.html(st.outcome()), x0, w, color(st.outcome())));
            if (w > 16) {
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"26\" class=\"step-label\" text-anchor=\"middle\">%d</text>", x0 + w / 2, st.step()));
            }
            s.append("<title>").append(Text.html(st.step() + ". " + st.name() + " — " + st.outcome())).append("</title></g>");
        }
        for (GameDayTrace.TimelineEntry e : g.timeline()) {
            if (e.type().equals("halt") || e.type().equals("probe-flip")) {
                double x = left + plot * Duration.between(g.started(), e.at()).toMillis() / span;
                s.append(String.format(Locale.ROOT, "<line class=\"event-%s\" x1=\"%.1f\" x2=\"%.1f\" y1=\"4\" y2=\"40\" stroke=\"#b91c1c\" stroke-width=\"2\"><title>%s</title></line>",
                        e.type(), x, x, Text.html(e.type() + " at " + Text.clock(e.at()))));
            }
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"56\" class=\"tick\">%s</text><text x=\"%d\" y=\"56\" class=\"tick\" text-anchor=\"end\">%s</text>",
                left, Text.clock(g.started()), width - left, Text.clock(end)));
        s.append("</svg>");
        return s.toString();
    }

    private static String color(String outcome) {
        return switch (outcome) {
            case "held", "yes", "done" -> "#16a34a";
            case "deviated", "no", "skipped" -> "#d97706";
            case "running" -> "#6b7280";
            default -> "#dc2626";
        };
    }
}
