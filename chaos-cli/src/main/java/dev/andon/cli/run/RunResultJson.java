package dev.andon.cli.run;

import dev.andon.core.engine.RunResult;
import dev.andon.core.spi.Target;
import java.nio.file.Path;
import java.util.List;

/** The result of a run as printed by {@code --output json}: stable field names for scripts. */
record RunResultJson(
        String runId,
        String experiment,
        String outcome,
        int exitCode,
        String reason,
        boolean deviated,
        Long timeToRecoveryMs,
        boolean recoveryTimedOut,
        long seed,
        boolean dryRun,
        List<SelectionJson> selections,
        String startedAt,
        String endedAt,
        long durationMs,
        String journal) {

    record SelectionJson(String targetSet, String provider, String mode, int candidates, long eligible, List<String> selected, String refusal) {
    }

    static RunResultJson of(RunResult r, Path journal) {
        return new RunResultJson(r.runId(), r.experiment(), r.outcome().spelling(), r.outcome().exitCode(), r.reason(), r.deviated(),
                r.timeToRecovery().map(d -> d.toMillis()).orElse(null), r.recoveryTimedOut(), r.seed(), r.dryRun(),
                r.selections().stream().map(s -> new SelectionJson(s.targetSet(), s.provider(), s.mode(), s.candidates().size(),
                        s.eligibleCount(), s.selected().stream().map(Target::id).toList(), s.refusal().orElse(null))).toList(),
                r.started().toString(), r.ended().toString(), r.duration().toMillis(), journal.toString());
    }
}
