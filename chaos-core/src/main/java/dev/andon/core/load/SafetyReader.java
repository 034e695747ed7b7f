package dev.andon.core.load;

import dev.andon.core.model.ProbeSpec;
import dev.andon.core.model.RecoverySpec;
import dev.andon.core.model.Safety;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads {@code spec.safety} and {@code spec.recovery}; absent sections keep the documented defaults. */
final class SafetyReader {

    private SafetyReader() {
    }

    static Safety readSafety(MapReader safety) {
        Problems problems = safety.problems();
        Optional<Integer> maxTargets = safety.integer("maxTargets").flatMap(n -> {
            if (n < 1 || n > Integer.MAX_VALUE) {
                problems.at(safety.node().get("maxTargets"), "'maxTargets' must be at least 1, but was " + n, "");
                return Optional.empty();
            }
            return Optional.of(n.intValue());
        });
        Optional<Double> maxPercent = safety.number("maxPercent").flatMap(p -> {
            if (p <= 0 || p > 100) {
                problems.at(safety.node().get("maxPercent"), "'maxPercent' must be above 0 and at most 100, but was " + p, "");
                return Optional.empty();
            }
            return Optional.of(p);
        });
        boolean dryRun = safety.bool("dryRun").orElse(false);
        boolean abortOnDeviation = safety.bool("abortOnDeviation").orElse(Safety.DEFAULT_ABORT_ON_DEVIATION);
        safety.finish();
        return new Safety(maxTargets, maxPercent, dryRun, abortOnDeviation);
    }

    /** Reads {@code spec.recovery}: {@code timeout}, and {@code probes} that must pass again for the system to count as recovered. */
    static RecoverySpec readRecovery(MapReader recovery, HypothesisReader probeReader) {
        Optional<Duration> timeout = recovery.duration("timeout");
        timeout.filter(Duration::isZero).ifPresent(t -> recovery.problems().at(recovery.node().get("timeout"),
                "'timeout' must be above zero", "for example 30s or 2m"));
        List<ProbeSpec> probes = recovery.optional("probes", FieldTypes.LIST)
                .map(list -> probeReader.readProbes(list, "recovery")).orElse(List.of());
        recovery.finish();
        return new RecoverySpec(timeout.filter(t -> !t.isZero()).orElse(RecoverySpec.DEFAULT_TIMEOUT), probes);
    }
}
