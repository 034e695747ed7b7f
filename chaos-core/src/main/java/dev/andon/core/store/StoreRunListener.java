package dev.andon.core.store;

import dev.andon.core.engine.ActionRecord;
import dev.andon.core.engine.Outcome;
import dev.andon.core.engine.Phase;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.engine.Selection;
import dev.andon.core.model.Experiment;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.Target;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records one run in the store as it happens: a {@code running} row at the start, every undo before its
 * fault, each undo done, the outcome at the end. A process that dies in between leaves exactly what
 * {@link InterruptedRunRecovery} needs. One instance per run. A failure to write throws, which stops the
 * run before anything else is injected: a fault whose undo is not stored must not happen.
 */
public final class StoreRunListener implements RunListener {

    private final AndonStore store;
    private final RunHeartbeats heartbeats;
    private final NodeIdentity owner;
    private final Optional<Path> journalPath;

    private RunOptions options;
    private boolean passedGuards;
    private final List<String> selected = new ArrayList<>();

    public StoreRunListener(AndonStore store, RunHeartbeats heartbeats, NodeIdentity owner, Optional<Path> journalPath) {
        this.store = store;
        this.heartbeats = heartbeats;
        this.owner = owner;
        this.journalPath = journalPath;
    }

    @Override
    public void runStarted(Experiment experiment, RunOptions runOptions, Instant at) {
        if (options != null) {
            throw new IllegalStateException("a StoreRunListener records one run; it already records " + options.runId());
        }
        options = runOptions;
        store.runs().started(new RunStart(runOptions.runId(), experiment.name(), runOptions.trigger(), owner, at,
                runOptions.seed(), runOptions.dryRun(), journalPath.map(Path::toString), rawSettings(experiment, runOptions)));
        heartbeats.add(runOptions.runId());
    }

    @Override
    public void phaseStarted(Phase phase, Instant at) {
        // ROLLBACK and DONE come after every run, refused or not; any other phase means the guards let it through.
        if (phase != Phase.GUARDS && phase != Phase.ROLLBACK && phase != Phase.DONE) {
            passedGuards = true;
        }
    }

    @Override
    public void targetsSelected(Selection selection) {
        for (Target t : selection.selected()) {
            selected.add(selection.targetSet() + "/" + t.id());
        }
        store.runs().targetsSelected(runId(), List.copyOf(selected));
    }

    @Override
    public void undoPlanned(String undoId, Compensation compensation, Instant at) {
        store.undos().planned(runId(), undoId, compensation, at);
    }

    @Override
    public void undoFinished(String undoId, ActionRecord record) {
        store.undos().done(runId(), undoId, record.status().spelling(), record.summary(), record.ended());
    }

    @Override
    public void runFinished(RunResult result) {
        try {
            if (options == null) {
                // Refused before it started: history still shows it, with its reason.
                store.runs().skipped(new RunStart(result.runId(), result.experiment(), "unknown", owner,
                        result.started(), result.seed(), result.dryRun(), journalPath.map(Path::toString)), result.reason());
                return;
            }
            store.runs().finished(new RunEnd(result.runId(), status(result), result.reason(), result.deviated(),
                    result.timeToRecovery(), selectedTargets(result), result.ended()));
        } finally {
            heartbeats.remove(result.runId());
        }
    }

    /** Aborted at the guards, before anything was touched: a skip. */
    private RunStatus status(RunResult result) {
        boolean refusedByGuard = result.outcome() == Outcome.ABORTED && !passedGuards;
        return refusedByGuard ? RunStatus.SKIPPED : RunStatus.of(result.outcome());
    }

    private List<String> selectedTargets(RunResult result) {
        if (!selected.isEmpty()) {
            return selected;
        }
        List<String> fromResult = new ArrayList<>();
        for (Selection s : result.selections()) {
            s.selected().forEach(t -> fromResult.add(s.targetSet() + "/" + t.id()));
        }
        return fromResult;
    }

    /** The file's {@code spec.settings} (secrets already shown as ***), under the command line's overrides. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> rawSettings(Experiment experiment, RunOptions options) {
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
        if (experiment.document().get("spec") instanceof Map<?, ?> spec && spec.get("settings") instanceof Map<?, ?> settings) {
            settings.forEach((plugin, values) -> {
                if (values instanceof Map<?, ?> m) {
                    merged.put(String.valueOf(plugin), new LinkedHashMap<>((Map<String, Object>) m));
                }
            });
        }
        options.settingOverrides().forEach((plugin, values) -> merged.computeIfAbsent(plugin, p -> new LinkedHashMap<>()).putAll(values));
        return merged;
    }

    private String runId() {
        if (options == null) {
            throw new IllegalStateException("run event before runStarted");
        }
        return options.runId();
    }
}
