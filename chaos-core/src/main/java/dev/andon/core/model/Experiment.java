package dev.andon.core.model;

import dev.andon.core.spi.Parameters;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An experiment as loaded and validated: variables substituted, every part known, every reference resolved.
 *
 * @param source        where it was read from (a path, or a description for files built in code)
 * @param metadata      name, description, labels
 * @param targets       the named target sets, in file order
 * @param hypothesis    the steady state the system must keep
 * @param method        what to do, in order
 * @param rollbacks     declared undo steps and when they run
 * @param safety        blast-radius limits and abort behaviour
 * @param recovery      how long to wait for the hypothesis to hold again
 * @param settings      per-plugin settings ({@code spec.settings.k8s} ...), validated
 * @param document      the file as resolved, with secret values replaced by {@code ***}, for journals
 * @param secretValues  values that must never appear in journals or output
 */
public record Experiment(
        String source,
        Metadata metadata,
        Map<String, TargetSet> targets,
        Hypothesis hypothesis,
        List<MethodStep> method,
        Rollbacks rollbacks,
        Safety safety,
        RecoverySpec recovery,
        Map<String, Parameters> settings,
        Map<String, Object> document,
        List<String> secretValues) {

    public Experiment {
        Objects.requireNonNull(metadata, "metadata");
        targets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(targets));
        method = List.copyOf(method);
        settings = Map.copyOf(settings);
        document = document == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(document));
        secretValues = List.copyOf(secretValues);
        hypothesis = hypothesis == null ? Hypothesis.NONE : hypothesis;
        rollbacks = rollbacks == null ? Rollbacks.NONE : rollbacks;
        safety = safety == null ? Safety.DEFAULT : safety;
        recovery = recovery == null ? RecoverySpec.DEFAULT : recovery;
    }

    public String name() {
        return metadata.name();
    }

    public Optional<TargetSet> targetSet(String name) {
        return Optional.ofNullable(targets.get(name));
    }

    public Parameters settings(String plugin) {
        return settings.getOrDefault(plugin, Parameters.empty());
    }

    /** Replaces every secret value in a text with {@code ***}. */
    public String redact(String text) {
        String out = text;
        for (String secret : secretValues) {
            if (!secret.isEmpty()) {
                out = out.replace(secret, "***");
            }
        }
        return out;
    }
}
