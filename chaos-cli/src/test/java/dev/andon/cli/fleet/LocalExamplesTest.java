package dev.andon.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local examples in experiments/local, run with {@code andon run} against a real practice fleet.
 * {@code --var fleet=<id>} narrows them to this test's fleet, so fleets of other builds are never hit.
 */
class LocalExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "experiments", "local");

    @TempDir
    Path dir;

    private PracticeFleet fleet;

    @BeforeEach
    void startFleet() throws Exception {
        fleet = PracticeFleet.start(3, 0, Duration.ofMillis(500));
    }

    @AfterEach
    void closeFleet() {
        fleet.close();
    }

    @Test
    @DisplayName("pause-replica.yaml: STOP one replica, the front keeps answering, the planned CONT resumes it after 5s")
    void pauseReplica() throws Exception {
        CliRun run = CliRun.of("run", EXAMPLES.resolve("pause-replica.yaml").toString(),
                "--var", "port=" + fleet.frontPort(), "--var", "fleet=" + fleet.id(),
                "--journal", dir.resolve("pause.json").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .containsPattern("sent STOP to \\d+ \\(java\\)")
                .containsPattern("undo: sent CONT to \\d+ \\(java\\)")
                .contains("HELD");
        assertThat(fleet.replicaPids()).hasSize(3)
                .allSatisfy(pid -> assertThat(Files.readString(Path.of("/proc", pid.toString(), "stat"))).doesNotContain(") T "));
    }

    @Test
    @DisplayName("process-probe.yaml: TERM one replica; pgrep probes see it missing, then back, and recovery is timed")
    void terminateWithProcessProbe() throws Exception {
        CliRun run = CliRun.of("run", EXAMPLES.resolve("process-probe.yaml").toString(),
                "--var", "fleet=" + fleet.id(), "--journal", dir.resolve("terminate.json").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .containsPattern("sent TERM to \\d+ \\(java\\)")
                .containsPattern("HELD · time to recovery \\d+\\.\\ds");
    }
}
