package dev.andon.core.local;

import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.ProviderException.Kind;
import dev.andon.core.spi.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Sends signals to a {@code local.process} target after checking it is still the process that was
 * selected: same PID and same start instant, and not protected.
 *
 * <p>Signals go through the {@code kill} command rather than {@link ProcessHandle#destroy()} because the
 * JDK can only send TERM and KILL. A PID reused in the few milliseconds between the check and the signal
 * would still be hit; the start-instant check closes every wider window (a PID file read hours ago, a
 * journal replayed after a crash).
 */
final class ProcessSignaller {

    private static final long KILL_COMMAND_TIMEOUT_SECONDS = 5;

    /** The live process behind the target, or why it must not or cannot be signalled. */
    ProcessSnapshot verify(Target target) throws ProviderException {
        long pid = pid(target);
        Optional<String> protectedReason = SelfProtection.ofCurrentProcess().reason(pid);
        if (protectedReason.isPresent()) {
            throw new ProviderException(Kind.FORBIDDEN, "refusing to signal process " + pid + ": it is " + protectedReason.get());
        }
        Instant expectedStart = started(target, pid);
        Optional<ProcessSnapshot> live = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessSnapshot::of);
        if (live.isEmpty() || !live.get().started().equals(Optional.of(expectedStart))) {
            throw new ProviderException(Kind.NOT_FOUND, "process " + pid + " exited or its PID was reused");
        }
        Optional<String> liveReason = SelfProtection.ofCurrentProcess().reason(live.get());
        if (liveReason.isPresent()) {
            throw new ProviderException(Kind.FORBIDDEN, "refusing to signal process " + pid + ": it is " + liveReason.get());
        }
        return live.get();
    }

    /** Sends {@code signal} (a name such as KILL, or 0 to test permission only). */
    void send(String signal, long pid) throws ProviderException {
        Process kill;
        try {
            kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ProviderException(Kind.UNAVAILABLE, "cannot run 'kill' to signal process " + pid + ": " + e.getMessage(), e);
        }
        try {
            kill.getOutputStream().close();
            if (!kill.waitFor(KILL_COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                throw new ProviderException(Kind.FAILED, "'kill -s " + signal + " " + pid + "' did not return within "
                        + KILL_COMMAND_TIMEOUT_SECONDS + "s");
            }
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (kill.exitValue() != 0) {
                throw failure(signal, pid, output);
            }
        } catch (IOException e) {
            throw new ProviderException(Kind.FAILED, "signalling process " + pid + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.FAILED, "interrupted while signalling process " + pid, e);
        }
    }

    private static ProviderException failure(String signal, long pid, String output) {
        if (output.contains("No such process")) {
            return new ProviderException(Kind.NOT_FOUND, "process " + pid + " exited or its PID was reused");
        }
        if (output.contains("Operation not permitted")) {
            return new ProviderException(Kind.FORBIDDEN, "not permitted to send " + signal + " to process " + pid
                    + " (it belongs to another user; run Andon as that user or narrow the selector with 'user')");
        }
        return new ProviderException(Kind.FAILED, "sending " + signal + " to process " + pid + " failed: " + output);
    }

    static long pid(Target target) throws ProviderException {
        try {
            return Long.parseLong(target.id());
        } catch (NumberFormatException e) {
            throw new ProviderException(Kind.FAILED, "target '" + target.id() + "' is not a PID; process actions take local.process targets");
        }
    }

    private static Instant started(Target target, long pid) throws ProviderException {
        String started = target.attribute(ProcessTargetProvider.STARTED);
        if (started == null) {
            throw new ProviderException(Kind.FAILED, "target " + pid + " has no 'started' attribute, so Andon cannot tell it"
                    + " from a later process with the same PID; select it through local.process");
        }
        try {
            return Instant.parse(started);
        } catch (DateTimeParseException e) {
            throw new ProviderException(Kind.FAILED, "target " + pid + " has an unreadable 'started' attribute: " + started);
        }
    }
}
