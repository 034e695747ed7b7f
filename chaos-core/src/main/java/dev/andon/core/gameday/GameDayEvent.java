package dev.andon.core.gameday;

import dev.andon.core.engine.ProbeSample;
import dev.andon.core.report.RunTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Something that happened during a game day. Journaled events make the timeline; the others (probe samples,
 * countdown ticks) only feed the live view.
 */
public sealed interface GameDayEvent {

    Instant at();

    /** The timeline's name for the event: {@code step-started}, {@code answer}, {@code halt} ... */
    String type();

    /** 1-based step number, 0 for events outside a step. */
    int step();

    /** Whether the event belongs in the timeline. */
    default boolean journaled() {
        return true;
    }

    /** The event's facts for the journal, besides {@code at}, {@code type} and {@code step}. */
    Map<String, Object> fields();

    record Started(Instant at, GameDay gameDay) implements GameDayEvent {
        public String type() {
            return "gameday-started";
        }

        public int step() {
            return 0;
        }

        public Map<String, Object> fields() {
            return Map.of("title", gameDay.title());
        }
    }

    record StepStarted(Instant at, int step, GameDayStep what, Optional<GameDayStep> next) implements GameDayEvent {
        public String type() {
            return "step-started";
        }

        public Map<String, Object> fields() {
            return Map.of("name", what.name(), "kind", what.kind(), "description", what.describe());
        }
    }

    /**
     * @param outcome {@code done}, {@code yes}, {@code no}, {@code skipped}, {@code halted}, or the run's outcome
     * @param run     the experiment's run, for experiment steps that started one
     */
    record StepEnded(Instant at, int step, GameDayStep what, String outcome, String summary, Optional<RunTrace> run) implements GameDayEvent {
        public String type() {
            return "step-ended";
        }

        public Map<String, Object> fields() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", what.name());
            f.put("kind", what.kind());
            f.put("outcome", outcome);
            f.put("summary", summary);
            run.ifPresent(r -> {
                f.put("runId", r.runId());
                r.timeToRecovery().ifPresent(d -> f.put("timeToRecoveryMillis", d.toMillis()));
            });
            return f;
        }
    }

    /** A fault went in (a method action finished doing something). */
    record Injected(Instant at, int step, String action, String target, String summary) implements GameDayEvent {
        public String type() {
            return "injection";
        }

        public Map<String, Object> fields() {
            return Map.of("action", action, "target", target, "summary", summary);
        }
    }

    /** The running experiment's hypothesis broke ({@code holds=false}) or held again. */
    record HypothesisChanged(Instant at, int step, boolean holds, String reason) implements GameDayEvent {
        public String type() {
            return holds ? "recovered" : "probe-flip";
        }

        public Map<String, Object> fields() {
            return Map.of("holds", holds, "reason", reason);
        }
    }

    /** A rollback or undo ran. */
    record RolledBack(Instant at, int step, String action, String target, String status, String summary) implements GameDayEvent {
        public String type() {
            return "rollback";
        }

        public Map<String, Object> fields() {
            return Map.of("action", action, "target", target, "status", status, "summary", summary);
        }
    }

    record Answered(Instant at, int step, String question, boolean yes, String note, String by) implements GameDayEvent {
        public String type() {
            return "answer";
        }

        public Map<String, Object> fields() {
            return Map.of("question", question, "answer", yes ? "yes" : "no", "note", note, "by", by);
        }
    }

    /** @param source {@code operator} (typed), {@code step} (a note step) or {@code experiment} (from the run) */
    record Noted(Instant at, int step, String text, String source) implements GameDayEvent {
        public String type() {
            return "note";
        }

        public Map<String, Object> fields() {
            return Map.of("text", text, "source", source);
        }
    }

    /** @param cause {@code cord} (the operator or {@code andon halt}), {@code abort-criterion} or {@code signal} (SIGINT, SIGTERM) */
    record Halted(Instant at, int step, String cause, String reason) implements GameDayEvent {
        public String type() {
            return "halt";
        }

        public Map<String, Object> fields() {
            return Map.of("cause", cause, "reason", reason);
        }
    }

    /** @param outcome see {@link GameDayOutcome} */
    record Ended(Instant at, GameDayOutcome outcome, String reason) implements GameDayEvent {
        public String type() {
            return "gameday-ended";
        }

        public int step() {
            return 0;
        }

        public Map<String, Object> fields() {
            return Map.of("outcome", outcome.spelling(), "reason", reason);
        }
    }

    /** A probe sample of the running experiment, for the live view. */
    record Sampled(Instant at, int step, ProbeSample sample) implements GameDayEvent {
        public String type() {
            return "sample";
        }

        public boolean journaled() {
            return false;
        }

        public Map<String, Object> fields() {
            return Map.of("probe", sample.probe(), "passed", sample.passed());
        }
    }

    /** A wait is running down. */
    record Countdown(Instant at, int step, Duration remaining) implements GameDayEvent {
        public String type() {
            return "countdown";
        }

        public boolean journaled() {
            return false;
        }

        public Map<String, Object> fields() {
            return Map.of("remainingMillis", remaining.toMillis());
        }
    }
}
