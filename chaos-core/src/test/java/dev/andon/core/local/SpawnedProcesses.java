package dev.andon.core.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Real processes started by one test, each with a distinctive command line, and destroyed (with their
 * descendants) when the test ends.
 */
final class SpawnedProcesses implements AutoCloseable {

    private final List<Process> started = new ArrayList<>();
    /** Distinguishes this test's processes from every other process on the machine, other builds included. */
    private final String marker = String.format("%09d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L));

    /** A regex that matches only the processes started here. */
    String marker() {
        return "sleep 300\\." + marker;
    }

    /** {@code sleep 300.<marker><n>}: GNU sleep takes fractional seconds, so the argument can carry the marker. */
    Process sleeper() throws IOException {
        return start(List.of("sleep", "300." + marker + started.size()));
    }

    /** A shell that starts {@code children} sleepers and waits for them: their parent is the shell. */
    Process parentOf(int children) throws IOException {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < children; i++) {
            script.append("sleep 300.").append(marker).append("9").append(i).append(" & ");
        }
        script.append("wait");
        return start(List.of("sh", "-c", script.toString()));
    }

    Process start(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process);
        return process;
    }

    Path pidFile(Path dir, long pid) throws IOException {
        return Files.writeString(dir.resolve("service-" + pid + ".pid"), pid + "\n");
    }

    @Override
    public void close() {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
