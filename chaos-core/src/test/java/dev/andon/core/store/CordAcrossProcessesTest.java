package dev.andon.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.store.jdbc.JdbcAndonStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the cord across processes on one H2 file")
class CordAcrossProcessesTest {

    @TempDir
    Path dataDir;

    private Process watcher;

    @AfterEach
    void cleanUp() {
        if (watcher != null) {
            watcher.destroyForcibly();
        }
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("a halt written by a second process reaches a process that already has the store open")
    void haltReachesAnotherProcess() throws Exception {
        watcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dh2.bindAddress=127.0.0.1", "-XX:TieredStopAtLevel=1",
                CordWatcher.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(watcher.getInputStream(), StandardCharsets.UTF_8));
        assertThat(nextLineStartingWith(out, "READY")).isEqualTo("READY");

        // Opened second, so H2 connects this process through the watcher's AUTO_SERVER, as `andon halt` next to a daemon.
        try (AndonStore terminal = JdbcAndonStore.open(StoreConfig.h2(dataDir))) {
            terminal.halts().halt("alice", "payments incident", Instant.parse("2026-11-26T12:00:00Z"));
        }

        assertThat(nextLineStartingWith(out, "STOPPED"))
                .isEqualTo("STOPPED halted by alice at 2026-11-26T12:00:00Z: payments incident");
        assertThat(watcher.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(watcher.exitValue()).isZero();
    }

    private static String nextLineStartingWith(BufferedReader out, String prefix) throws Exception {
        StringBuilder seen = new StringBuilder();
        // readLine blocks until the child prints or exits; a child that never prints fails the test at its @Timeout.
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("the watcher exited before printing " + prefix + ":\n" + seen);
    }
}
