package dev.andon.core.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run an experiment this time.
 *
 * @param runId            unique id, chosen by the caller so it can be journaled before the run starts
 * @param seed             seed of the target pick; the same seed over the same candidates picks the same targets
 * @param dryRun           select and report, inject nothing (also forced by the file's {@code safety.dryRun})
 * @param settingOverrides per-plugin settings from the command line, over those of the file
 * @param stopSignal       polled during the run; a stop aborts the method and runs the rollbacks
 * @param trigger          what started the run: {@code cli}, {@code schedule:<name>}, {@code gameday:<name>}
 */
public record RunOptions(
        String runId,
        long seed,
        boolean dryRun,
        Map<String, Map<String, String>> settingOverrides,
        StopSignal stopSignal,
        String trigger) {

    public RunOptions {
        Objects.requireNonNull(runId, "runId");
        settingOverrides = Map.copyOf(settingOverrides == null ? Map.of() : settingOverrides);
        stopSignal = stopSignal == null ? StopSignal.NEVER : stopSignal;
        trigger = trigger == null ? "cli" : trigger;
    }

    /** A fresh run id and a seed from the given source. */
    public static RunOptions fresh(long seed) {
        return new RunOptions(RunIds.next(), seed, false, Map.of(), StopSignal.NEVER, "cli");
    }

    public RunOptions withDryRun(boolean dry) {
        return new RunOptions(runId, seed, dry, settingOverrides, stopSignal, trigger);
    }

    public RunOptions withStopSignal(StopSignal signal) {
        return new RunOptions(runId, seed, dryRun, settingOverrides, signal, trigger);
    }

    public RunOptions withTrigger(String t) {
        return new RunOptions(runId, seed, dryRun, settingOverrides, stopSignal, t);
    }

    public RunOptions withSettingOverrides(Map<String, Map<String, String>> overrides) {
        return new RunOptions(runId, seed, dryRun, overrides, stopSignal, trigger);
    }

    public Optional<String> setting(String plugin, String key) {
        return Optional.ofNullable(settingOverrides.getOrDefault(plugin, Map.of()).get(key));
    }
}
