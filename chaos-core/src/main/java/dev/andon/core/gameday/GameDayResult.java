package dev.andon.core.gameday;

import dev.andon.core.report.RunTrace;
import java.time.Instant;
import java.util.List;

/**
 * How a game day ended.
 *
 * @param outcome completed, completed-with-findings, halted, failed
 * @param reason  one line explaining it
 * @param steps   each step's end, in order (steps never started are absent)
 * @param runs    the experiments' runs, in order
 */
public record GameDayResult(GameDayOutcome outcome, String reason, Instant started, Instant ended,
        List<GameDayEvent.StepEnded> steps, List<RunTrace> runs) {

    public GameDayResult {
        steps = List.copyOf(steps);
        runs = List.copyOf(runs);
    }
}
