package dev.andon.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Small multiples of a trend: one chart of time to recovery and one of pass rate, runs evenly spaced, oldest left. */
final class TrendChart {

    private static final int WIDTH = 360;
    private static final int HEIGHT = 170;
    private static final int LEFT = 48;
    private static final int RIGHT = 14;
    private static final int TOP = 28;
    private static final int BOTTOM = 30;

    private TrendChart() {
    }

    static String recovery(Trend trend) {
        double maxSeconds = trend.points().stream().flatMap(p -> p.timeToRecovery().stream()).mapToDouble(d -> d.toMillis() / 1000.0).max().orElse(1);
        double yMax = ProbeChart.niceCeiling(Math.max(maxSeconds, 1));
        return chart(trend, "ttr", "Time to recovery (s)", yMax, p -> p.recoveryTimedOut() ? Optional.of(yMax)
                : Optional.of(p.timeToRecovery().map(d -> d.toMillis() / 1000.0).orElse(0.0)), p -> p.recoveryTimedOut() ? "timed out"
                : p.timeToRecovery().map(Text::duration).orElse("never broke"), "#ea580c");
    }

    static String passRate(Trend trend) {
        return chart(trend, "pass-rate", "Hypothesis pass rate (%)", 100, p -> p.passRate().map(r -> r * 100),
                p -> p.passRate().map(Text::percent).orElse("no samples"), "#16a34a");
    }

    private static String chart(Trend trend, String kind, String title, double yMax, Function<Trend.Point, Optional<Double>> value,
            Function<Trend.Point, String> label, String color) {
        List<Trend.Point> points = trend.points();
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg class=\"trend-chart %s\" viewBox=\"0 0 %d %d\" width=\"100%%\" "
                + "role=\"img\" aria-label=\"%s of %s\" data-experiment=\"%s\">", kind, WIDTH, HEIGHT, Text.html(title), Text.html(trend.experiment()),
                Text.html(trend.experiment())));
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>", WIDTH, HEIGHT));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"11\" class=\"chart-title\">%s</text>", LEFT, Text.html(title)));
        for (int i = 0; i <= 2; i++) {
            double y = TOP + plotHeight - plotHeight * i / 2;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e7eb\"/>", LEFT, LEFT + plotWidth, y, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>", LEFT - 6, y + 4, Text.num(yMax * i / 2)));
        }
        List<String> coordinates = new ArrayList<>();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Trend.Point p = points.get(i);
            double x = points.size() == 1 ? LEFT + plotWidth / 2 : LEFT + plotWidth * i / (points.size() - 1);
            Optional<Double> v = value.apply(p);
            if (v.isEmpty()) {
                continue;
            }
            double y = TOP + plotHeight - plotHeight * Math.min(1, v.get() / yMax);
            coordinates.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            boolean hollow = kind.equals("ttr") && p.timeToRecovery().isEmpty() && !p.recoveryTimedOut();
            marks.append(String.format(Locale.ROOT, "<circle class=\"point%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"%s\" stroke-width=\"2\" "
                    + "data-run-id=\"%s\" data-value=\"%s\"><title>%s · %s · %s</title></circle>",
                    hollow ? " never-broke" : p.recoveryTimedOut() && kind.equals("ttr") ? " timed-out" : "", x, y, hollow ? "#ffffff" : color, color,
                    Text.html(p.runId()), Text.num(v.get()), Text.html(Text.day(p.at())), Text.html(p.outcome()), Text.html(label.apply(p))));
            if (points.size() <= 12 || i == 0 || i == points.size() - 1) {
                marks.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>", x, HEIGHT - 12,
                        Text.html(p.at().toString().substring(5, 10))));
            }
        }
        if (coordinates.size() > 1) {
            s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>", color, String.join(" ", coordinates)));
        }
        s.append(marks);
        s.append("</svg>");
        return s.toString();
    }

}
