package dev.andon.cli.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.andon.core.store.CordEvent;
import dev.andon.core.store.RunRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code andon history --output json}: the cord's state and the runs, newest first, for scripts and dashboards. */
final class HistoryJson {

    private HistoryJson() {
    }

    static String render(Optional<CordEvent> halt, List<RunRecord> runs) throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("halted", halt.isPresent());
        halt.ifPresent(h -> root.put("halt", cord(h)));
        root.put("runs", runs.stream().map(HistoryJson::run).toList());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }

    static String renderCord(List<CordEvent> events) throws JsonProcessingException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(Map.of("cord", events.stream().map(HistoryJson::cord).toList()));
    }

    private static Map<String, Object> cord(CordEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind().spelling());
        m.put("who", e.who());
        m.put("why", e.why());
        m.put("at", e.at().toString());
        return m;
    }

    private static Map<String, Object> run(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", r.runId());
        m.put("experiment", r.experiment());
        m.put("trigger", r.trigger());
        m.put("node", r.owner().node());
        m.put("host", r.owner().host());
        m.put("pid", r.owner().pid());
        m.put("started", r.started().toString());
        m.put("ended", r.ended().map(Object::toString).orElse(null));
        m.put("outcome", r.status().spelling());
        m.put("reason", r.reason());
        m.put("deviated", r.deviated());
        m.put("timeToRecoveryMs", r.timeToRecovery().map(d -> d.toMillis()).orElse(null));
        m.put("seed", r.seed());
        m.put("dryRun", r.dryRun());
        m.put("selectedTargets", r.selectedTargets());
        m.put("journal", r.journalPath().orElse(null));
        return m;
    }
}
