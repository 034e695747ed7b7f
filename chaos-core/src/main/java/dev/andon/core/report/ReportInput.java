package dev.andon.core.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a report is made of.
 *
 * @param title       the page's headline
 * @param generatedAt when the report was made
 * @param runs        single runs (from run journals or the history store)
 * @param gameDays    game days, each with its own runs
 */
public record ReportInput(String title, Instant generatedAt, List<RunTrace> runs, List<GameDayTrace> gameDays) {

    public ReportInput {
        runs = List.copyOf(runs);
        gameDays = List.copyOf(gameDays);
    }

    /** Every run, the game days' included, oldest first, without duplicates (a run journal and a game day may both hold a run). */
    public List<RunTrace> allRuns() {
        List<RunTrace> all = new ArrayList<>(runs);
        gameDays.forEach(g -> g.runs().stream().filter(r -> all.stream().noneMatch(x -> x.runId().equals(r.runId()))).forEach(all::add));
        all.sort(Comparator.comparing(RunTrace::started));
        return all;
    }
}
