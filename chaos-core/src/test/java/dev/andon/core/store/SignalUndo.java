package dev.andon.core.store;

import dev.andon.core.engine.ActionRecord;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.Target;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A test-only undo executor: sends the compensation's {@code signal} to the target PID with kill(1), the
 * way the local adapter's {@code process.signal} does.
 */
final class SignalUndo implements CompensationExecutor {

    static Compensation resume(long pid) {
        Target target = new Target("local.process", Long.toString(pid), "sleep", "sleepers", Map.of(), Map.of());
        return new Compensation("test.signal", Optional.of(target), Map.of("signal", "CONT"), "resume " + pid + " with CONT");
    }

    /**
     * The undo the local adapter's {@code process.signal STOP} plans, as it plans it: the target carries
     * the process start time, which the adapter checks so a reused PID is never signalled.
     */
    static Compensation localProcessResume(long pid) {
        String started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).orElseThrow().toString();
        Target target = new Target("local.process", Long.toString(pid), "sleep 300", Long.toString(ProcessHandle.current().pid()),
                Map.of(), Map.of("pid", Long.toString(pid), "started", started));
        return new Compensation("process.signal", Optional.of(target), Map.of("signal", "CONT"), "resume " + pid + " with CONT");
    }

    @Override
    public ActionRecord undo(String runId, Compensation c, Map<String, Map<String, Object>> settings) {
        Instant started = Instant.now();
        String pid = c.target().orElseThrow().id();
        String signal = String.valueOf(c.parameters().get("signal"));
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, pid).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes()).trim();
            int code = kill.waitFor();
            ActionRecord.Status status = code == 0 ? ActionRecord.Status.DONE : ActionRecord.Status.FAILED;
            return new ActionRecord("undo", c.action(), c.target(), started, Instant.now(), status,
                    "sent " + signal + " to " + pid, Map.of(), code == 0 ? Optional.empty() : Optional.of(output));
        } catch (IOException e) {
            return new ActionRecord("undo", c.action(), c.target(), started, Instant.now(), ActionRecord.Status.FAILED,
                    "could not send " + signal + " to " + pid, Map.of(), Optional.of(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + pid, e);
        }
    }

    /** The process state letter from /proc: {@code T} when stopped, {@code S} when sleeping. */
    static char state(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void signal(long pid, String signal) throws IOException, InterruptedException {
        int code = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " exited with " + code);
        }
    }
}
