package dev.andon.core.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The chart of one run: each hypothesis probe's latency over time as a line, each sample's verdict as a mark
 * in a strip below (one row per probe), and the moments that matter as vertical rules: the injection, the
 * hypothesis breaking, the recovery. Plain SVG, so it renders in any browser without scripts.
 */
final class ProbeChart {

    static final int WIDTH = 760;
    static final int LEFT = 100;
    static final int RIGHT = 20;
    static final int TOP = 48;
    static final int PLOT_HEIGHT = 170;
    static final int ROW = 14;
    /** Up to this many samples per probe each get a point; beyond, failing ones and an even spread of passing ones do. */
    static final int MAX_POINTS_PER_PROBE = 400;
    static final String[] COLORS = {"#2563eb", "#9333ea", "#0891b2", "#ca8a04", "#db2777", "#4b5563"};

    private ProbeChart() {
    }

    static String svg(RunTrace run) {
        List<RunTrace.SampleTrace> samples = run.samples().stream().sorted((a, b) -> a.at().compareTo(b.at())).toList();
        List<String> probes = run.probeNames();
        Instant t0 = run.started();
        Instant t1 = run.ended().isAfter(t0) ? run.ended() : t0.plusSeconds(1);
        double spanMs = Math.max(1, Duration.between(t0, t1).toMillis());
        double plotWidth = WIDTH - LEFT - RIGHT;
        long maxLatency = Math.max(1, samples.stream().mapToLong(RunTrace.SampleTrace::latencyMillis).max().orElse(1));
        double yMax = niceCeiling(maxLatency);
        int stripTop = TOP + PLOT_HEIGHT + 26;
        int height = stripTop + Math.max(1, probes.size()) * ROW + 28;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "<svg class=\"probe-chart\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
                        + "aria-label=\"Probe latency and verdicts of run %s\" data-run-id=\"%s\">",
                WIDTH, height, Text.html(run.runId()), Text.html(run.runId())));
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>");

        // Broken stretch, shaded first so that everything else is drawn over it.
        Optional<Instant> broke = run.flips().stream().filter(f -> !f.holds()).map(RunTrace.Flip::at).findFirst();
        if (broke.isPresent()) {
            double x0 = x(t0, broke.get(), spanMs, plotWidth);
            double x1 = run.recoveredAt().map(r -> x(t0, r, spanMs, plotWidth)).orElse(LEFT + plotWidth);
            s.append(String.format(Locale.ROOT, "<rect class=\"broken\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#fee2e2\"/>",
                    x0, TOP, Math.max(1, x1 - x0), PLOT_HEIGHT));
        }

        // Grid and axes.
        for (int i = 0; i <= 4; i++) {
            double v = yMax * i / 4;
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * i / 4.0;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e5e7eb\"/>", LEFT, LEFT + plotWidth, y, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s ms</text>", LEFT - 6, y + 4, Text.num(v)));
        }
        double stepSeconds = niceCeiling(spanMs / 1000.0 / 8);
        for (double t = 0; t * 1000 <= spanMs + 1; t += stepSeconds) {
            double x = LEFT + plotWidth * (t * 1000 / spanMs);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#f3f4f6\"/>", x, x, TOP, TOP + PLOT_HEIGHT));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%ss</text>", x, TOP + PLOT_HEIGHT + 16, Text.num(t)));
        }
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#9ca3af\"/>", LEFT, LEFT + plotWidth, TOP + PLOT_HEIGHT, TOP + PLOT_HEIGHT));

        // Latency lines and points, one colour per probe.
        for (int p = 0; p < probes.size(); p++) {
            String probe = probes.get(p);
            String color = COLORS[p % COLORS.length];
            StringBuilder points = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            List<RunTrace.SampleTrace> ofProbe = samples.stream().filter(x -> x.probe().equals(probe)).toList();
            int every = ofProbe.size() <= MAX_POINTS_PER_PROBE ? 1 : (int) Math.ceil(ofProbe.size() / (MAX_POINTS_PER_PROBE / 2.0));
            for (int i = 0; i < ofProbe.size(); i++) {
                RunTrace.SampleTrace sample = ofProbe.get(i);
                double x = x(t0, sample.at(), spanMs, plotWidth);
                double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * Math.min(1.0, sample.latencyMillis() / yMax);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                if (!sample.passed() || i % every == 0) {
                    marks.append(String.format(Locale.ROOT,
                            "<circle class=\"sample %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%s\" fill=\"%s\" data-probe=\"%s\" data-stage=\"%s\" data-at=\"%s\" "
                                    + "data-offset-ms=\"%d\" data-latency-ms=\"%d\" data-passed=\"%s\"><title>%s</title></circle>",
                            sample.passed() ? "pass" : "fail", x, y, sample.passed() ? "2.5" : "3.5", sample.passed() ? color : "#dc2626",
                            Text.html(probe), Text.html(sample.stage()), sample.at(), Duration.between(t0, sample.at()).toMillis(),
                            sample.latencyMillis(), sample.passed(),
                            Text.html(probe + " at " + Text.clock(sample.at()) + " (" + sample.stage() + "): " + sample.latencyMillis() + " ms, "
                                    + (sample.passed() ? "passed" : "failed: " + sample.failure()))));
                }
            }
            s.append(String.format(Locale.ROOT, "<polyline class=\"latency\" data-probe=\"%s\" data-samples=\"%d\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\" points=\"%s\"/>",
                    Text.html(probe), ofProbe.size(), color, points.toString().trim()));
            s.append(marks);

            // Verdict strip: one mark per stretch of equal verdicts, so hours of samples stay light.
            int rowY = stripTop + p * ROW;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">%s</text>", LEFT - 6, rowY + 10,
                    Text.html(shorten(probe, 15))));
            int i = 0;
            while (i < ofProbe.size()) {
                int j = i;
                while (j + 1 < ofProbe.size() && ofProbe.get(j + 1).passed() == ofProbe.get(i).passed()) {
                    j++;
                }
                double x0 = x(t0, ofProbe.get(i).at(), spanMs, plotWidth) - 1.5;
                double x1 = x(t0, ofProbe.get(j).at(), spanMs, plotWidth) + 1.5;
                boolean passed = ofProbe.get(i).passed();
                s.append(String.format(Locale.ROOT, "<rect class=\"verdict %s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"10\" fill=\"%s\" data-count=\"%d\"/>",
                        passed ? "pass" : "fail", x0, rowY + 1, x1 - x0, passed ? "#16a34a" : "#dc2626", j - i + 1));
                i = j + 1;
            }
        }

        // Moments.
        int markerBottom = stripTop + Math.max(1, probes.size()) * ROW;
        run.firstInjection().ifPresent(at -> marker(s, "injection", "injection", "#ea580c", x(t0, at, spanMs, plotWidth), markerBottom, at, 0));
        broke.ifPresent(at -> marker(s, "break", "broke", "#dc2626", x(t0, at, spanMs, plotWidth), markerBottom, at, 1));
        run.recoveredAt().ifPresent(at -> marker(s, "recovery",
                "recovered" + run.timeToRecovery().map(d -> " (" + Text.duration(d) + ")").orElse(""), "#16a34a",
                x(t0, at, spanMs, plotWidth), markerBottom, at, 2));

        // Legend.
        double lx = LEFT;
        int ly = height - 8;
        for (int p = 0; p < probes.size(); p++) {
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"3\" fill=\"%s\"/>", lx, ly - 4, COLORS[p % COLORS.length]));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"legend\">%s</text>", lx + 14, ly, Text.html(probes.get(p))));
            lx += 24 + probes.get(p).length() * 6.5;
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"legend\">latency line · marks: green passed, red failed · seconds since the run started</text>",
                Math.max(lx, LEFT + 200.0), ly));
        s.append("</svg>");
        return s.toString();
    }

    private static void marker(StringBuilder s, String cls, String label, String color, double x, int bottom, Instant at, int slot) {
        s.append(String.format(Locale.ROOT,
                "<g class=\"marker %s\" data-at=\"%s\"><line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
                        + "<text x=\"%.1f\" y=\"%d\" fill=\"%s\" class=\"marker-label\">%s</text><title>%s at %s</title></g>",
                cls, at, x, x, TOP - 4, bottom, color, x + 3, 12 + slot * 12, color, Text.html(label), Text.html(label), Text.clock(at)));
    }

    private static double x(Instant t0, Instant at, double spanMs, double plotWidth) {
        double ms = Math.max(0, Math.min(spanMs, Duration.between(t0, at).toMillis()));
        return LEFT + plotWidth * ms / spanMs;
    }

    /** 1, 2, 5 times a power of ten at or above v. */
    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= v) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
