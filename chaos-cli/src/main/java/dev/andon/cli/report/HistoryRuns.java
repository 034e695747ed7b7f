package dev.andon.cli.report;

import dev.andon.core.report.JournalFiles;
import dev.andon.core.report.RunTrace;
import dev.andon.core.report.UnreadableJournalException;
import dev.andon.core.store.RunRecord;
import dev.andon.core.store.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs from the history store as report traces: from the run's journal when it is still on disk (with its
 * probe samples), otherwise from the history row alone (outcome and time to recovery, no chart).
 */
final class HistoryRuns {

    private HistoryRuns() {
    }

    static List<RunTrace> traces(List<RunRecord> records) {
        List<RunTrace> out = new ArrayList<>();
        for (RunRecord r : records) {
            if (r.status() == RunStatus.SKIPPED || r.status() == RunStatus.RUNNING) {
                continue;
            }
            out.add(fromJournal(r).orElseGet(() -> fromRow(r)));
        }
        return out;
    }

    private static Optional<RunTrace> fromJournal(RunRecord r) {
        Optional<Path> path = r.journalPath().map(Path::of).filter(Files::isRegularFile);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return JournalFiles.read(path.get()) instanceof JournalFiles.Run run ? Optional.of(run.trace()) : Optional.empty();
        } catch (UnreadableJournalException e) {
            // The row still tells the outcome and the time to recovery; the chart is what is lost.
            return Optional.empty();
        }
    }

    private static RunTrace fromRow(RunRecord r) {
        List<RunTrace.TargetTrace> targets = r.selectedTargets().stream().map(t -> {
            int slash = t.indexOf('/');
            return new RunTrace.TargetTrace(slash > 0 ? t.substring(0, slash) : "", "", slash > 0 ? t.substring(slash + 1) : t, "");
        }).toList();
        return new RunTrace(r.runId(), r.experiment(), r.trigger(), r.status().spelling(),
                r.reason() + r.journalPath().map(p -> " (journal " + p + " is gone: no chart)").orElse(""),
                r.started(), r.ended().orElse(r.started()), r.timeToRecovery(), false, r.dryRun(), targets, List.of(), List.of(), List.of());
    }
}
