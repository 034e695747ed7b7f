package dev.andon.core.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What Andon knows about one running process at one moment.
 *
 * @param pid         the process id
 * @param parentPid   the parent's id, empty for a process without one (PID 1, kernel threads' root)
 * @param user        the owner's name, empty when unreadable
 * @param commandLine the full command line, arguments joined with spaces (as {@code ps -o args}); empty for kernel threads
 * @param executable  the executable's file name ({@code java}, {@code sleep}), empty when unreadable
 * @param started     when it started; with the PID, the identity that survives PID reuse
 */
record ProcessSnapshot(
        long pid,
        Optional<Long> parentPid,
        Optional<String> user,
        String commandLine,
        String executable,
        Optional<Instant> started) {

    static ProcessSnapshot of(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        String commandLine = commandLine(process, info);
        String executable = info.command()
                .or(() -> Optional.of(commandLine.split(" ", 2)[0]).filter(s -> !s.isEmpty()))
                .map(command -> Path.of(command).getFileName())
                .map(Path::toString)
                .orElse("");
        return new ProcessSnapshot(
                process.pid(),
                process.parent().map(ProcessHandle::pid),
                info.user(),
                commandLine,
                executable,
                info.startInstant());
    }

    /** The command line alone: one file read, so selectors can drop most processes before reading the rest. */
    static String commandLine(ProcessHandle process) {
        return procCommandLine(process.pid()).orElseGet(() -> commandLine(process, process.info()));
    }

    private static String commandLine(ProcessHandle process, ProcessHandle.Info info) {
        return procCommandLine(process.pid())
                .or(info::commandLine)
                .or(info::command)
                .orElse("");
    }

    /**
     * The command line as the process wrote it, the text {@code ps -o args} shows and {@code pgrep -f}
     * matches, so a regex tried with pgrep selects the same processes. The JDK's version replaces argv[0]
     * by the executable's path and is missing when that path is unreadable (another user's process).
     */
    private static Optional<String> procCommandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            String joined = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
            return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** Short form inside parentheses: "4242, sleep". */
    String describe() {
        return pid + (executable.isEmpty() ? "" : ", " + executable);
    }

    /** Short form in sentences: "4242 (sleep)". */
    String label() {
        return pid + (executable.isEmpty() ? "" : " (" + executable + ")");
    }
}
