package dev.andon.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link RunTrace} as plain JSON values (in game-day journals) and back. */
public final class RunTraceJson {

    private RunTraceJson() {
    }

    public static Map<String, Object> toMap(RunTrace t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", t.runId());
        m.put("experiment", t.experiment());
        m.put("trigger", t.trigger());
        m.put("outcome", t.outcome());
        m.put("reason", t.reason());
        m.put("started", t.started().toString());
        m.put("ended", t.ended().toString());
        t.timeToRecovery().ifPresent(d -> m.put("timeToRecoveryMillis", d.toMillis()));
        m.put("recoveryTimedOut", t.recoveryTimedOut());
        m.put("dryRun", t.dryRun());
        m.put("targets", t.targets().stream().map(x -> Map.of("targetSet", x.targetSet(), "provider", x.provider(), "id", x.id(), "name", x.name())).toList());
        m.put("samples", t.samples().stream().map(s -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("probe", s.probe());
            o.put("stage", s.stage());
            o.put("at", s.at().toString());
            o.put("passed", s.passed());
            o.put("latencyMillis", s.latencyMillis());
            if (!s.failure().isEmpty()) {
                o.put("failure", s.failure());
            }
            return o;
        }).toList());
        m.put("actions", t.actions().stream().map(a -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("kind", a.kind());
            o.put("action", a.action());
            o.put("target", a.target());
            o.put("started", a.started().toString());
            o.put("ended", a.ended().toString());
            o.put("status", a.status());
            o.put("summary", a.summary());
            return o;
        }).toList());
        m.put("flips", t.flips().stream().map(f -> Map.of("at", f.at().toString(), "holds", f.holds(), "reason", f.reason())).toList());
        return m;
    }

    public static RunTrace fromJson(JsonNode n) {
        List<RunTrace.TargetTrace> targets = new ArrayList<>();
        n.path("targets").forEach(x -> targets.add(new RunTrace.TargetTrace(x.path("targetSet").asText(), x.path("provider").asText(),
                x.path("id").asText(), x.path("name").asText())));
        List<RunTrace.SampleTrace> samples = new ArrayList<>();
        n.path("samples").forEach(s -> samples.add(new RunTrace.SampleTrace(s.path("probe").asText(), s.path("stage").asText(),
                Instant.parse(s.path("at").asText()), s.path("passed").asBoolean(), s.path("latencyMillis").asLong(), s.path("failure").asText(""))));
        List<RunTrace.ActionTrace> actions = new ArrayList<>();
        n.path("actions").forEach(a -> actions.add(new RunTrace.ActionTrace(a.path("kind").asText(), a.path("action").asText(),
                a.path("target").asText(), Instant.parse(a.path("started").asText()), Instant.parse(a.path("ended").asText()),
                a.path("status").asText(), a.path("summary").asText())));
        List<RunTrace.Flip> flips = new ArrayList<>();
        n.path("flips").forEach(f -> flips.add(new RunTrace.Flip(Instant.parse(f.path("at").asText()), f.path("holds").asBoolean(), f.path("reason").asText())));
        return new RunTrace(n.path("runId").asText(), n.path("experiment").asText(), n.path("trigger").asText("cli"),
                n.path("outcome").asText(), n.path("reason").asText(), Instant.parse(n.path("started").asText()),
                Instant.parse(n.path("ended").asText()),
                n.hasNonNull("timeToRecoveryMillis") ? Optional.of(Duration.ofMillis(n.path("timeToRecoveryMillis").asLong())) : Optional.empty(),
                n.path("recoveryTimedOut").asBoolean(), n.path("dryRun").asBoolean(), targets, samples, actions, flips);
    }
}
