package dev.andon.cli.store;

import dev.andon.core.store.RunRecord;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Runs as an aligned table, newest first; the reason last and whole, since it is the point. */
final class HistoryTable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String[] HEADERS = {"STARTED", "RUN", "EXPERIMENT", "TRIGGER", "NODE", "OUTCOME", "RECOVERY", "TARGETS", "REASON"};

    private HistoryTable() {
    }

    static void print(List<RunRecord> runs, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADERS);
        for (RunRecord r : runs) {
            rows.add(new String[] {
                WHEN.format(r.started()),
                r.runId(),
                r.experiment(),
                r.trigger(),
                r.owner().node(),
                r.status().spelling() + (r.dryRun() ? " (dry)" : ""),
                r.timeToRecovery().map(d -> d.toMillis() + "ms").orElse("-"),
                r.selectedTargets().isEmpty() ? "-" : String.join(",", r.selectedTargets()),
                r.reason().isEmpty() ? "-" : r.reason()
            });
        }
        int[] widths = new int[HEADERS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
