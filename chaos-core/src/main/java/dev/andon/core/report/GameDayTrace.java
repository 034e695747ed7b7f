package dev.andon.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One game day as a report shows it, read from its journal.
 *
 * @param outcome  completed, completed-with-findings, halted, failed, or running (the process died)
 * @param steps    every planned step, with its outcome once it ran ("not reached" otherwise)
 * @param timeline every journaled event, in order
 * @param runs     the experiments' runs
 */
public record GameDayTrace(
        String name,
        String title,
        String description,
        String source,
        List<String> objectives,
        List<String> hypotheses,
        People people,
        List<StepTrace> steps,
        List<TimelineEntry> timeline,
        Instant started,
        Optional<Instant> ended,
        String outcome,
        String reason,
        List<RunTrace> runs) {

    public GameDayTrace {
        objectives = List.copyOf(objectives);
        hypotheses = List.copyOf(hypotheses);
        steps = List.copyOf(steps);
        timeline = List.copyOf(timeline);
        runs = List.copyOf(runs);
    }

    public record People(String owner, String coordinator, String reporter, List<String> observers) {
        public People {
            observers = List.copyOf(observers);
        }
    }

    /** A planned step and what became of it. */
    public record StepTrace(int step, String name, String kind, String description, String outcome, String summary,
            Optional<Instant> started, Optional<Instant> ended, Optional<String> runId) {

        public boolean reached() {
            return started.isPresent();
        }
    }

    /** One journaled event; {@code fields} as text. */
    public record TimelineEntry(Instant at, String type, int step, Map<String, String> fields) {
        public TimelineEntry {
            fields = Map.copyOf(fields);
        }

        public String field(String key) {
            return fields.getOrDefault(key, "");
        }
    }

    public List<TimelineEntry> entries(String type) {
        return timeline.stream().filter(e -> e.type().equals(type)).toList();
    }

    public Optional<RunTrace> run(String runId) {
        return runs.stream().filter(r -> r.runId().equals(runId)).findFirst();
    }
}
