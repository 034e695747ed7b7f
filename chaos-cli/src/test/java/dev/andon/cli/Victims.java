package dev.andon.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Real OS processes for experiments to hit: {@code sleep} with a fractional duration unique to the test, so a
 * selector can match them and nothing else on the machine.
 */
public final class Victims implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final String marker;

    public Victims(int count) throws IOException {
        marker = "3000." + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        for (int i = 0; i < count; i++) {
            processes.add(new ProcessBuilder("sleep", marker).start());
        }
    }

    /** A regex matching these processes' command lines only. */
    public String selector() {
        return "sleep " + marker.replace(".", "\\.");
    }

    public List<Process> processes() {
        return processes;
    }

    public long alive() {
        return processes.stream().filter(Process::isAlive).count();
    }

    /** The state letter of /proc/PID/stat: R, S, T (stopped) ... */
    public static char state(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    public boolean anyStopped() throws IOException {
        for (Process p : processes) {
            if (p.isAlive() && state(p.pid()) == 'T') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
    }
}
