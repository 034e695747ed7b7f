package dev.andon.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.andon.core.engine.ExperimentRunner;
import dev.andon.core.engine.RunListener;
import dev.andon.core.local.LocalPlugin;
import dev.andon.core.spi.PluginRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("crash recovery")
class CrashRecoveryTest {

    @TempDir
    Path dataDir;

    private Process sleeper;
    private Process child;

    @AfterEach
    void cleanUp() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("a run whose JVM is killed with SIGKILL mid-method is marked interrupted at the next start and its fault undone")
    void killedRunIsRecovered() throws Exception {
        sleeper = new ProcessBuilder("sleep", "300").start();
        long victim = sleeper.pid();
        String runId = "20261126T120000Z-crash1";

        child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"), "-Dh2.bindAddress=127.0.0.1",
                "-XX:TieredStopAtLevel=1", CrashingRun.class.getName(), dataDir.toString(), Long.toString(victim), runId)
                .redirectErrorStream(true)
                .start();
        awaitLine(child, "READY");
        // SIGSTOP takes effect asynchronously: the state letter turns T a moment after kill(2) returns.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(SignalUndo.state(victim)).as("the fault is in place").isEqualTo('T'));

        // kill -9: no shutdown hook, no finally block, nothing of the run's own cleanup runs.
        child.destroyForcibly();
        assertThat(child.waitFor()).isEqualTo(137);

        try (StoreSession next = StoreSession.open(StoreConfig.h2(dataDir), NodeIdentity.current(), Clock.systemUTC())) {
            RunRecord left = next.store().runs().find(runId).orElseThrow();
            assertThat(left.status()).as("the crash left the run running").isEqualTo(RunStatus.RUNNING);

            // The engine's own undo with the local adapter: the real process.signal sends CONT.
            ExperimentRunner runner = new ExperimentRunner(PluginRegistry.of(new LocalPlugin()), Clock.systemUTC());
            List<RecoveredRun> recovered = next.recoverInterruptedRuns(
                    (id, undo, settings) -> runner.undo(undo, id, settings, new RunListener() { }));

            assertThat(recovered).singleElement().satisfies(r -> {
                assertThat(r.runId()).isEqualTo(runId);
                assertThat(r.allUndone()).isTrue();
                assertThat(r.undos()).hasSize(1);
            });
            RunRecord after = next.store().runs().find(runId).orElseThrow();
            assertThat(after.status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(after.reason()).contains("process " + child.pid()).contains("died").contains("1 of 1 pending undos executed");
            assertThat(next.store().undos().pending(runId)).isEmpty();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(SignalUndo.state(victim)).isNotEqualTo('T'));

            assertThat(next.recoverInterruptedRuns((id, undo, settings) -> runner.undo(undo, id, settings, new RunListener() { }))).as("a second start finds nothing left").isEmpty();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void awaitLine(Process p, String expected) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        // readLine blocks until the child prints or exits; a child that never prints fails the test at its @Timeout.
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals(expected)) {
                return;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("child exited before " + expected + ":\n" + seen);
    }
}
