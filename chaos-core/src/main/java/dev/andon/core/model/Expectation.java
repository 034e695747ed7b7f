package dev.andon.core.model;

import dev.andon.core.spi.ProbeObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** All the checks an observation must pass. An observation with an error never passes. */
public record Expectation(List<Check> checks) {

    public static final Expectation NONE = new Expectation(List.of());

    public Expectation {
        checks = List.copyOf(checks);
    }

    /** Every reason the observation fails, empty when it passes. */
    public List<String> failures(ProbeObservation observation) {
        List<String> failures = new ArrayList<>();
        observation.error().ifPresent(failures::add);
        if (!failures.isEmpty()) {
            return failures;
        }
        boolean checksOk = checks.stream().anyMatch(c -> c instanceof Check.Equals e && e.field().equals(ProbeObservation.OK));
        for (Check check : checks) {
            check.failure(observation).ifPresent(failures::add);
        }
        // A probe's own verdict counts unless the file says what "ok" must be.
        if (!checksOk && Boolean.FALSE.equals(observation.value(ProbeObservation.OK))) {
            failures.add("probe reported not ok");
        }
        return failures;
    }

    public Optional<String> firstFailure(ProbeObservation observation) {
        return failures(observation).stream().findFirst();
    }
}
