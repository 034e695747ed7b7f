package dev.andon.core.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.andon.core.AndonInfo;
import dev.andon.core.engine.ActionRecord;
import dev.andon.core.engine.Phase;
import dev.andon.core.engine.ProbeSample;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.engine.Selection;
import dev.andon.core.model.Durations;
import dev.andon.core.model.Experiment;
import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a run's journal (docs/journal.md) as it happens. After every event the whole file is rewritten
 * to a temporary file and renamed over the journal, so the file on disk is always complete JSON: a run
 * killed at any moment leaves a journal whose {@code status} says {@code running}. The run's start, each
 * planned undo and the result are also forced to disk, since those are what recovery and history need.
 *
 * <p>A failure to write is thrown: a run that cannot keep its journal must not inject faults.
 */
public final class JournalWriter implements RunListener {

    /** Version of the journal's shape; readers check it. */
    public static final int FORMAT = 1;
    /** Excluded candidates listed by name in the journal; beyond this only counts by reason are kept. */
    public static final int MAX_LISTED_EXCLUSIONS = 100;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path path;
    private final ObjectNode root = JSON.createObjectNode();
    private Experiment experiment;

    public JournalWriter(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized void runStarted(Experiment exp, RunOptions options, Instant at) {
        this.experiment = exp;
        ObjectNode andon = root.putObject("andon");
        andon.put("version", AndonInfo.version());
        andon.put("journalFormat", FORMAT);
        root.put("runId", options.runId());
        root.put("status", "running");
        ObjectNode e = root.putObject("experiment");
        e.put("name", exp.name());
        e.put("description", exp.metadata().description());
        e.set("labels", JSON.valueToTree(exp.metadata().labels()));
        e.put("source", exp.source());
        e.set("document", JSON.valueToTree(exp.document()));
        root.set("settings", JSON.valueToTree(settings(exp, options)));
        root.put("trigger", options.trigger());
        root.put("host", HostFacts.hostName());
        root.put("user", System.getProperty("user.name", "unknown"));
        root.put("pid", ProcessHandle.current().pid());
        root.put("seed", options.seed());
        root.put("dryRun", options.dryRun() || exp.safety().dryRun());
        root.put("startedAt", at.toString());
        root.putNull("endedAt");
        root.put("phase", Phase.GUARDS.spelling());
        root.putArray("phases");
        root.putArray("selections");
        root.putArray("undos");
        root.putArray("actions");
        root.putArray("probes");
        root.putArray("hypothesisChanges");
        root.putArray("notes");
        root.putNull("result");
        write(true);
    }

    @Override
    public synchronized void phaseStarted(Phase phase, Instant at) {
        root.put("phase", phase.spelling());
        ((ArrayNode) root.get("phases")).addObject().put("phase", phase.spelling()).put("at", at.toString());
        write(false);
    }

    @Override
    public synchronized void targetsSelected(Selection s) {
        ObjectNode n = ((ArrayNode) root.get("selections")).addObject();
        n.put("targetSet", s.targetSet());
        n.put("provider", s.provider());
        n.put("mode", s.mode());
        n.put("candidates", s.candidates().size());
        n.put("eligible", s.eligibleCount());
        n.put("apiCalls", s.apiCalls());
        Map<String, Integer> byReason = new LinkedHashMap<>();
        ArrayNode excluded = n.putArray("excluded");
        for (Candidate c : s.candidates()) {
            if (c.exclusion().isPresent()) {
                byReason.merge(c.exclusion().get(), 1, Integer::sum);
                if (excluded.size() < MAX_LISTED_EXCLUSIONS) {
                    excluded.addObject().put("id", c.target().id()).put("name", c.target().name()).put("reason", c.exclusion().get());
                }
            }
        }
        n.set("excludedByReason", JSON.valueToTree(byReason));
        ArrayNode selected = n.putArray("selected");
        s.selected().forEach(t -> selected.add(target(t)));
        if (s.refusal().isPresent()) {
            n.put("refusal", s.refusal().get());
        } else {
            n.putNull("refusal");
        }
        write(false);
    }

    @Override
    public synchronized void undoPlanned(String undoId, Compensation c, Instant at) {
        ObjectNode n = ((ArrayNode) root.get("undos")).addObject();
        n.put("id", undoId);
        n.put("action", c.action());
        if (c.target().isPresent()) {
            n.set("target", target(c.target().get()));
        } else {
            n.putNull("target");
        }
        n.set("parameters", JSON.valueToTree(c.parameters()));
        n.put("description", c.description());
        n.put("plannedAt", at.toString());
        n.put("status", "pending");
        write(true);
    }

    @Override
    public synchronized void undoFinished(String undoId, ActionRecord r) {
        for (var node : root.get("undos")) {
            if (undoId.equals(node.path("id").asText())) {
                ObjectNode n = (ObjectNode) node;
                n.put("status", r.status().spelling());
                n.put("finishedAt", r.ended().toString());
                n.put("summary", r.summary());
                r.error().ifPresent(err -> n.put("error", err));
            }
        }
        write(true);
    }

    @Override
    public synchronized void actionFinished(ActionRecord r) {
        ObjectNode n = ((ArrayNode) root.get("actions")).addObject();
        n.put("kind", r.kind());
        n.put("action", r.action());
        if (r.target().isPresent()) {
            n.set("target", target(r.target().get()));
        } else {
            n.putNull("target");
        }
        n.put("startedAt", r.started().toString());
        n.put("endedAt", r.ended().toString());
        n.put("status", r.status().spelling());
        n.put("summary", r.summary());
        n.set("details", JSON.valueToTree(r.details()));
        if (r.error().isPresent()) {
            n.put("error", r.error().get());
        } else {
            n.putNull("error");
        }
        write(false);
    }

    @Override
    public synchronized void probeSampled(ProbeSample s) {
        ObjectNode n = ((ArrayNode) root.get("probes")).addObject();
        n.put("probe", s.probe());
        n.put("stage", s.stage());
        n.put("at", s.at().toString());
        n.put("passed", s.passed());
        n.put("latencyMs", s.latency().toNanos() / 1_000_000.0);
        n.set("values", JSON.valueToTree(s.values()));
        n.set("failures", JSON.valueToTree(s.failures()));
        write(false);
    }

    @Override
    public synchronized void hypothesisChanged(boolean holds, Instant at, String reason) {
        ((ArrayNode) root.get("hypothesisChanges")).addObject().put("at", at.toString()).put("holds", holds).put("reason", reason);
        write(false);
    }

    @Override
    public synchronized void note(String message, Instant at) {
        if (root.has("notes")) {
            ((ArrayNode) root.get("notes")).addObject().put("at", at.toString()).put("message", message);
            write(false);
        }
    }

    @Override
    public synchronized void runFinished(RunResult r) {
        root.put("status", "finished");
        root.put("endedAt", r.ended().toString());
        ObjectNode n = root.putObject("result");
        n.put("outcome", r.outcome().spelling());
        n.put("reason", r.reason());
        n.put("deviated", r.deviated());
        if (r.timeToRecovery().isPresent()) {
            n.put("timeToRecoveryMs", r.timeToRecovery().get().toMillis());
        } else {
            n.putNull("timeToRecoveryMs");
        }
        n.put("recoveryTimedOut", r.recoveryTimedOut());
        n.put("durationMs", r.duration().toMillis());
        write(true);
    }

    /**
     * The plugin settings the run used (file, then command line), as text: recovery after a crash needs
     * them to reach the same cluster, region or account. Secret values are redacted like everything else.
     */
    private static Map<String, Map<String, Object>> settings(Experiment exp, RunOptions options) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        exp.settings().forEach((plugin, params) -> params.asMap().forEach((k, v) ->
                out.computeIfAbsent(plugin, p -> new LinkedHashMap<>()).put(k, v instanceof java.time.Duration d ? Durations.format(d) : v)));
        options.settingOverrides().forEach((plugin, values) -> out.computeIfAbsent(plugin, p -> new LinkedHashMap<>()).putAll(values));
        return out;
    }

    private static ObjectNode target(Target t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("provider", t.provider());
        n.put("id", t.id());
        n.put("name", t.name());
        n.put("group", t.group());
        n.set("labels", JSON.valueToTree(t.labels()));
        n.set("attributes", JSON.valueToTree(t.attributes()));
        return n;
    }

    private void write(boolean force) {
        try {
            String text = JSON.writeValueAsString(root);
            if (experiment != null) {
                text = experiment.redact(text);
            }
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + path.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (force) {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write journal " + path + ": " + e.getMessage(), e);
        }
    }
}
