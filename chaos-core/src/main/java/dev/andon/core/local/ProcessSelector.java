package dev.andon.core.local;

import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code selector} of a {@code local.process} target set; every criterion given must hold.
 *
 * @param commandMatches a regex found anywhere in the full command line
 * @param user           the owner's user name
 * @param parentPid      the parent's PID (the replicas of one supervisor)
 * @param pidFile        a file holding the PID of the one process to select
 */
record ProcessSelector(Optional<Pattern> commandMatches, Optional<String> user, Optional<Long> parentPid, Optional<Path> pidFile) {

    static final String COMMAND_MATCHES = "commandMatches";
    static final String USER = "user";
    static final String PARENT_PID = "parentPid";
    static final String PID_FILE = "pidFile";

    static ProcessSelector from(Parameters selector) {
        return new ProcessSelector(
                selector.string(COMMAND_MATCHES).map(Pattern::compile),
                selector.string(USER),
                selector.integer(PARENT_PID),
                selector.string(PID_FILE).map(Path::of));
    }

    /** The PID named by {@link #pidFile}, read now: the file changes when the service restarts. */
    Optional<Long> pidFromFile() throws ProviderException {
        if (pidFile.isEmpty()) {
            return Optional.empty();
        }
        Path file = pidFile.get();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new ProviderException(ProviderException.Kind.NOT_FOUND,
                    "pidFile " + file + " does not exist (is the service running? check the path in the selector)");
        } catch (IOException e) {
            throw new ProviderException(ProviderException.Kind.FAILED, "cannot read pidFile " + file + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new ProviderException(ProviderException.Kind.FAILED,
                    "pidFile " + file + " does not hold a PID (it holds '" + abbreviate(text) + "'); point the selector at the service's PID file");
        }
    }

    /** A cheap first pass on the command line alone; {@link #matches} decides. */
    boolean mayMatch(ProcessHandle process) {
        return commandMatches.map(regex -> regex.matcher(ProcessSnapshot.commandLine(process)).find()).orElse(true);
    }

    boolean matches(ProcessSnapshot process, Optional<Long> pidInFile) {
        return pidInFile.map(pid -> pid == process.pid()).orElse(true)
                && parentPid.map(ppid -> process.parentPid().filter(ppid::equals).isPresent()).orElse(true)
                && user.map(u -> process.user().filter(u::equals).isPresent()).orElse(true)
                && commandMatches.map(regex -> regex.matcher(process.commandLine()).find()).orElse(true);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
