package dev.andon.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.andon.core.engine.ActionRecord;
import dev.andon.core.engine.ExperimentRunner;
import dev.andon.core.engine.Outcome;
import dev.andon.core.engine.RunListener;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.stream.Stream;

/**
 * Finishes runs whose process died: a journal still {@code running} whose process is gone from this
 * host is marked {@code interrupted}, and every undo it left {@code pending} is executed, so no fault
 * Andon knows how to undo stays in place. {@code andon run} does this for its journal folder before it
 * starts; {@code andon recover} does it on demand.
 */
public final class JournalRecovery {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What recovery did with one journal. */
    public record Recovered(Path journal, String runId, String experiment, long deadPid, List<ActionRecord> undos) {

        public boolean allUndone() {
            return undos.stream().allMatch(u -> u.status() != ActionRecord.Status.FAILED);
        }
    }

    private final ExperimentRunner runner;
    private final Clock clock;
    private final LongPredicate processAlive;
    private final String host;

    public JournalRecovery(ExperimentRunner runner, Clock clock) {
        this(runner, clock, pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), HostFacts.hostName());
    }

    JournalRecovery(ExperimentRunner runner, Clock clock, LongPredicate processAlive, String host) {
        this.runner = runner;
        this.clock = clock;
        this.processAlive = processAlive;
        this.host = host;
    }

    /** Recovers every orphaned journal directly in {@code dir}; a missing folder has nothing to recover. */
    public List<Recovered> recoverAll(Path dir) throws IOException {
        List<Recovered> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> journals;
        try (Stream<Path> files = Files.list(dir)) {
            journals = files.filter(p -> p.getFileName().toString().endsWith(".json") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        for (Path journal : journals) {
            recover(journal).ifPresent(out::add);
        }
        return out;
    }

    /** Recovers one journal if it is orphaned: still running, written on this host, by a process that is gone. */
    public Optional<Recovered> recover(Path journal) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(journal.toFile());
        } catch (IOException e) {
            return Optional.empty(); // not a journal, or one being written this instant: not ours to judge
        }
        if (!(root instanceof ObjectNode doc) || !"running".equals(doc.path("status").asText())
                || !host.equals(doc.path("host").asText()) || !doc.has("pid") || processAlive.test(doc.path("pid").asLong())) {
            return Optional.empty();
        }
        long pid = doc.path("pid").asLong();
        String runId = doc.path("runId").asText();
        List<ActionRecord> undos = new ArrayList<>();
        for (JsonNode node : doc.path("undos")) {
            if ("pending".equals(node.path("status").asText())) {
                ActionRecord r = runner.undo(compensation(node), runId, settings(doc), new RunListener() { });
                undos.add(r);
                ObjectNode u = (ObjectNode) node;
                u.put("status", r.status().spelling());
                u.put("finishedAt", r.ended().toString());
                u.put("summary", r.summary() + " (by recovery)");
                r.error().ifPresent(err -> u.put("error", err));
            }
        }
        String phase = doc.path("phase").asText();
        doc.put("status", "finished");
        doc.put("endedAt", clock.instant().toString());
        ObjectNode result = doc.putObject("result");
        result.put("outcome", Outcome.INTERRUPTED.spelling());
        result.put("reason", "the process (pid " + pid + ") died during phase " + phase + "; recovered by pid "
                + ProcessHandle.current().pid() + ", " + undos.size() + " pending undo(s) run");
        result.put("deviated", false);
        result.putNull("timeToRecoveryMs");
        result.put("recoveryTimedOut", false);
        result.putNull("durationMs");
        result.put("recovered", true);
        Path tmp = journal.resolveSibling("." + journal.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(doc));
        Files.move(tmp, journal, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Optional.of(new Recovered(journal, runId, doc.path("experiment").path("name").asText(), pid, undos));
    }

    /** The run's plugin settings as journaled; redacted values are dropped, so those settings take their defaults. */
    private static Map<String, Map<String, Object>> settings(JsonNode doc) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        doc.path("settings").fields().forEachRemaining(plugin -> {
            Map<String, Object> values = new LinkedHashMap<>();
            plugin.getValue().fields().forEachRemaining(e -> {
                Object v = JSON.convertValue(e.getValue(), Object.class);
                if (!"***".equals(v)) {
                    values.put(e.getKey(), v);
                }
            });
            out.put(plugin.getKey(), values);
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Compensation compensation(JsonNode undo) {
        Optional<Target> target = Optional.empty();
        JsonNode t = undo.path("target");
        if (t.isObject()) {
            target = Optional.of(new Target(t.path("provider").asText(), t.path("id").asText(), t.path("name").asText(),
                    t.path("group").asText(), JSON.convertValue(t.path("labels"), Map.class), JSON.convertValue(t.path("attributes"), Map.class)));
        }
        Map<String, Object> parameters = undo.path("parameters").isObject()
                ? JSON.convertValue(undo.path("parameters"), LinkedHashMap.class) : Map.of();
        return new Compensation(undo.path("action").asText(), target, parameters, undo.path("description").asText());
    }
}
