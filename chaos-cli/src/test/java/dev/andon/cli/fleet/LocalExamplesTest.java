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
 * Their selector is narrowed to this test's fleet, so fleets of other builds on the machine are never hit.
 */
class LocalExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "experiments", "local");

    @TempDir
    Path dir;

    private PracticeFleet fleet;

    @BeforeEach
    void startFleet() throws Exception {
        fleet = PracticeFleet.start(2, 0, Duration.ofMillis(500));
    }

    @AfterEach
    void closeFleet() {
        fleet.close();
    }

    @Test
    @DisplayName("pause-replica.yaml: STOP one replica, the front holds, CONT after 5s, time to recovery measured")
    void pauseReplica() throws Exception {
        long before = fleet.replicaPids().size();
        CliRun run = CliRun.of("run", ownFleetOnly("pause-replica.yaml").toString(),
                "--var", "port=" + fleet.frontPort(), "--var", "replicas=2", "--journal", dir.resolve("pause.json").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .containsPattern("sent STOP to \\d+ \\(java\\)")
                .containsPattern("undo: sent CONT to \\d+ \\(java\\)")
                .containsPattern("HELD · time to recovery \\d+\\.\\ds");
        assertThat(fleet.replicaPids()).hasSize((int) before)
                .allSatisfy(pid -> assertThat(Files.readString(Path.of("/proc", pid.toString(), "stat"))).doesNotContain(") T "));
    }

    @Test
    @DisplayName("terminate-with-process-probe.yaml: TERM one replica; process probes see it missing, then back")
    void terminateWithProcessProbe() throws Exception {
        CliRun run = CliRun.of("run", ownFleetOnly("terminate-with-process-probe.yaml").toString(),
                "--var", "replicas=2", "--journal", dir.resolve("terminate.json").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .containsPattern("sent TERM to \\d+ \\(java\\)")
                .containsPattern("HELD · time to recovery \\d+\\.\\ds");
    }

    /** The example with its selector and its pgrep pattern limited to this test's fleet. */
    private Path ownFleetOnly(String example) throws Exception {
        String text = Files.readString(EXAMPLES.resolve(example))
                .replace("commandMatches: \"fleet-replica\"", "commandMatches: \"fleet-replica .*--fleet " + fleet.id() + "\"")
                .replace("commandMatches: \"--role fleet-replica\"", "commandMatches: \"--fleet " + fleet.id() + "\"")
                .replace("'--role [f]leet-replica'", "'--fleet [" + fleet.id().charAt(0) + "]" + fleet.id().substring(1) + "'");
        assertThat(text).contains(fleet.id());
        return Files.writeString(dir.resolve(example), text);
    }
}
