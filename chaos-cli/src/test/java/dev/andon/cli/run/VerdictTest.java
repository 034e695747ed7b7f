package dev.andon.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.engine.Outcome;
import dev.andon.core.engine.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static RunResult result(Outcome outcome, boolean deviated, Optional<Duration> ttr, boolean timedOut) {
        Instant start = Instant.parse("2026-11-26T12:00:00Z");
        return new RunResult("r", "e", outcome, "why", deviated, ttr, timedOut, 1, false, List.of(), start, start.plusSeconds(4));
    }

    @Test
    @DisplayName("the verdict never says 'nothing broke' about a run that deviated")
    void deviatedWithoutRecovery() {
        assertThat(TerminalReporter.verdict(result(Outcome.DEVIATED, true, Optional.empty(), false)))
                .isEqualTo("DEVIATED · not recovered when the run ended · why · 4.0s");
        assertThat(TerminalReporter.verdict(result(Outcome.HELD, false, Optional.empty(), false)))
                .isEqualTo("HELD · nothing broke · why · 4.0s");
        assertThat(TerminalReporter.verdict(result(Outcome.HELD, false, Optional.of(Duration.ofMillis(1234)), false)))
                .isEqualTo("HELD · time to recovery 1.2s · why · 4.0s");
        assertThat(TerminalReporter.verdict(result(Outcome.DEVIATED, true, Optional.empty(), true)))
                .isEqualTo("DEVIATED · did not recover · why · 4.0s");
        assertThat(TerminalReporter.verdict(result(Outcome.ABORTED, false, Optional.empty(), false)))
                .isEqualTo("ABORTED · why · 4.0s");
    }
}
