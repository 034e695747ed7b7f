package dev.andon.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the journals a report is made from: run journals (docs/journal.md, format 1) and game-day journals
 * (docs/gamedays.md). The kind is recognised from the content, not the file name.
 */
public final class JournalFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalFiles() {
    }

    /** What one journal file holds. */
    public sealed interface Content {
    }

    public record Run(RunTrace trace) implements Content {
    }

    public record GameDay(GameDayTrace trace) implements Content {
    }

    /** @throws UnreadableJournalException naming the file and what is wrong with it */
    public static Content read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UnreadableJournalException(file + ": cannot read as JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        try {
            if (root != null && "GameDayJournal".equals(root.path("kind").asText())) {
                return new GameDay(gameDay(root, file));
            }
            if (root != null && root.path("andon").has("journalFormat")) {
                return new Run(run(root));
            }
        } catch (RuntimeException e) {
            throw new UnreadableJournalException(file + ": not a complete journal: " + e.getMessage(), e);
        }
        throw new UnreadableJournalException(file + ": neither a run journal nor a game-day journal (no 'andon.journalFormat', no 'kind: GameDayJournal')", null);
    }

    /** A run journal of format 1 as a trace. */
    static RunTrace run(JsonNode j) {
        JsonNode result = j.path("result");
        boolean finished = result.isObject();
        List<RunTrace.TargetTrace> targets = new ArrayList<>();
        j.path("selections").forEach(s -> s.path("selected").forEach(t -> targets.add(new RunTrace.TargetTrace(
                s.path("targetSet").asText(), t.path("provider").asText(), t.path("id").asText(), t.path("name").asText()))));
        List<RunTrace.SampleTrace> samples = new ArrayList<>();
        j.path("probes").forEach(p -> samples.add(new RunTrace.SampleTrace(p.path("probe").asText(), p.path("stage").asText(),
                instant(p.path("at")), p.path("passed").asBoolean(), Math.round(p.path("latencyMs").asDouble()),
                p.path("failures").path(0).asText(""))));
        List<RunTrace.ActionTrace> actions = new ArrayList<>();
        j.path("actions").forEach(a -> actions.add(new RunTrace.ActionTrace(a.path("kind").asText(), a.path("action").asText(),
                a.path("target").path("name").asText(""), instant(a.path("startedAt")), instant(a.path("endedAt")),
                a.path("status").asText(), a.path("summary").asText())));
        j.path("undos").forEach(u -> {
            if (u.hasNonNull("finishedAt")) {
                actions.add(new RunTrace.ActionTrace("undo", u.path("action").asText(), u.path("target").path("name").asText(""),
                        instant(u.path("plannedAt")), instant(u.path("finishedAt")), u.path("status").asText(), u.path("summary").asText("")));
            }
        });
        List<RunTrace.Flip> flips = new ArrayList<>();
        j.path("hypothesisChanges").forEach(h -> flips.add(new RunTrace.Flip(instant(h.path("at")), h.path("holds").asBoolean(), h.path("reason").asText())));
        Instant started = instant(j.path("startedAt"));
        Instant ended = j.hasNonNull("endedAt") ? instant(j.path("endedAt")) : lastMoment(started, samples, actions);
        return new RunTrace(
                j.path("runId").asText(),
                j.path("experiment").path("name").asText(),
                j.path("trigger").asText("cli"),
                finished ? result.path("outcome").asText() : "running",
                finished ? result.path("reason").asText() : "the run did not finish (the journal stops in phase " + j.path("phase").asText() + ")",
                started,
                ended,
                finished && result.hasNonNull("timeToRecoveryMs") ? Optional.of(Duration.ofMillis(result.path("timeToRecoveryMs").asLong())) : Optional.empty(),
                finished && result.path("recoveryTimedOut").asBoolean(),
                j.path("dryRun").asBoolean(),
                targets, samples, actions, flips);
    }

    private static Instant lastMoment(Instant started, List<RunTrace.SampleTrace> samples, List<RunTrace.ActionTrace> actions) {
        Instant last = started;
        for (RunTrace.SampleTrace s : samples) {
            last = s.at().isAfter(last) ? s.at() : last;
        }
        for (RunTrace.ActionTrace a : actions) {
            last = a.ended().isAfter(last) ? a.ended() : last;
        }
        return last;
    }

    static GameDayTrace gameDay(JsonNode j, Path file) {
        JsonNode g = j.path("gameDay");
        List<GameDayTrace.TimelineEntry> timeline = new ArrayList<>();
        for (JsonNode e : j.path("events")) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getKey().equals("at") && !f.getKey().equals("type") && !f.getKey().equals("step")) {
                    fields.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
                }
            }
            timeline.add(new GameDayTrace.TimelineEntry(instant(e.path("at")), e.path("type").asText(), e.path("step").asInt(), fields));
        }
        List<RunTrace> runs = new ArrayList<>();
        j.path("runs").forEach(r -> runs.add(RunTraceJson.fromJson(r)));
        List<GameDayTrace.StepTrace> steps = new ArrayList<>();
        for (JsonNode s : g.path("steps")) {
            int n = s.path("step").asInt();
            Optional<GameDayTrace.TimelineEntry> start = timeline.stream().filter(e -> e.step() == n && e.type().equals("step-started")).findFirst();
            Optional<GameDayTrace.TimelineEntry> end = timeline.stream().filter(e -> e.step() == n && e.type().equals("step-ended")).findFirst();
            steps.add(new GameDayTrace.StepTrace(n, s.path("name").asText(), s.path("kind").asText(), s.path("description").asText(),
                    end.map(e -> e.field("outcome")).orElse(start.isPresent() ? "running" : "not reached"),
                    end.map(e -> e.field("summary")).orElse(""),
                    start.map(GameDayTrace.TimelineEntry::at), end.map(GameDayTrace.TimelineEntry::at),
                    end.map(e -> e.field("runId")).filter(id -> !id.isEmpty())));
        }
        JsonNode roles = g.path("roles");
        List<String> observers = new ArrayList<>();
        roles.path("observers").forEach(o -> observers.add(o.asText()));
        return new GameDayTrace(
                g.path("name").asText(), g.path("title").asText(), g.path("description").asText(), g.path("source").asText(file.toString()),
                texts(g.path("objectives")), texts(g.path("hypotheses")),
                new GameDayTrace.People(roles.path("owner").asText(), roles.path("coordinator").asText(), roles.path("reporter").asText(), observers),
                steps, timeline, instant(j.path("started")),
                j.hasNonNull("ended") ? Optional.of(instant(j.path("ended"))) : Optional.empty(),
                j.path("outcome").asText(), j.path("reason").asText(), runs);
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static Instant instant(JsonNode n) {
        if (!n.isTextual()) {
            throw new IllegalArgumentException("expected a timestamp, found " + (n.isMissingNode() ? "nothing" : n.toString()));
        }
        return Instant.parse(n.asText());
    }
}
