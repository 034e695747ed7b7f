package dev.andon.core.local;

import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.RunContext;
import dev.andon.core.spi.Target;
import dev.andon.core.spi.TargetProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * {@code local.process}: the processes of this machine that a selector matches, ordered by PID.
 *
 * <p>A target's id is its PID, its name the command line and its group the parent's PID, so that the
 * replicas of one supervisor form one group. Its {@code started} attribute is the start instant: actions
 * compare it before signalling, so a PID that was reused by another process is never hit.
 */
final class ProcessTargetProvider implements TargetProvider {

    static final String NAME = "local.process";

    static final String PID = "pid";
    static final String PPID = "ppid";
    static final String USER = "user";
    static final String STARTED = "started";
    static final String EXECUTABLE = "executable";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "processes on this machine, by command line, user, parent PID or PID file";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.optional(ProcessSelector.COMMAND_MATCHES, ParamType.STRING, "a regex found in the full command line"),
                ParamSpec.optional(ProcessSelector.USER, ParamType.STRING, "the user that owns the process"),
                ParamSpec.optional(ProcessSelector.PARENT_PID, ParamType.INTEGER, "the PID of the parent process"),
                ParamSpec.optional(ProcessSelector.PID_FILE, ParamType.STRING, "a file holding the PID of the process"));
    }

    @Override
    public List<String> check(Parameters selector) {
        List<String> problems = new ArrayList<>();
        if (parameters().stream().noneMatch(p -> selector.has(p.name()))) {
            problems.add("a local.process selector needs at least one of commandMatches, user, parentPid, pidFile");
        }
        selector.string(ProcessSelector.COMMAND_MATCHES).ifPresent(regex -> {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                problems.add("commandMatches is not a valid regex: " + e.getDescription() + " near index " + e.getIndex());
            }
        });
        return problems;
    }

    @Override
    public Candidates candidates(Parameters selectorParameters, RunContext context) throws ProviderException {
        ProcessSelector selector = ProcessSelector.from(selectorParameters);
        Optional<Long> pidInFile = selector.pidFromFile();
        SelfProtection protection = SelfProtection.ofCurrentProcess();
        List<Candidate> candidates = new ArrayList<>();
        scope(selector, pidInFile)
                .sorted(Comparator.comparingLong(ProcessHandle::pid))
                .filter(selector::mayMatch)
                .map(ProcessSnapshot::of)
                .filter(process -> selector.matches(process, pidInFile))
                .forEach(process -> candidates.add(candidate(process, protection)));
        return Candidates.of(candidates);
    }

    /** The processes worth reading: reading every process's details costs a few milliseconds per hundred. */
    private static Stream<ProcessHandle> scope(ProcessSelector selector, Optional<Long> pidInFile) {
        if (pidInFile.isPresent()) {
            return ProcessHandle.of(pidInFile.get()).stream();
        }
        if (selector.parentPid().isPresent()) {
            return ProcessHandle.of(selector.parentPid().get()).stream().flatMap(ProcessHandle::children);
        }
        return ProcessHandle.allProcesses();
    }

    private static Candidate candidate(ProcessSnapshot process, SelfProtection protection) {
        Target target = target(process);
        Optional<String> protectedReason = protection.reason(process);
        if (protectedReason.isPresent()) {
            return Candidate.excluded(target, protectedReason.get());
        }
        if (process.started().isEmpty()) {
            return Candidate.excluded(target, "its start time cannot be read, so a later process reusing PID "
                    + process.pid() + " could not be told apart");
        }
        return Candidate.eligible(target);
    }

    static Target target(ProcessSnapshot process) {
        String pid = Long.toString(process.pid());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(PID, pid);
        process.parentPid().ifPresent(ppid -> attributes.put(PPID, Long.toString(ppid)));
        process.user().ifPresent(user -> attributes.put(USER, user));
        process.started().ifPresent(started -> attributes.put(STARTED, started.toString()));
        if (!process.executable().isEmpty()) {
            attributes.put(EXECUTABLE, process.executable());
        }
        Map<String, String> labels = new LinkedHashMap<>();
        process.user().ifPresent(user -> labels.put(USER, user));
        if (!process.executable().isEmpty()) {
            labels.put(EXECUTABLE, process.executable());
        }
        String name = process.commandLine().isEmpty() ? "[" + pid + "]" : process.commandLine();
        String group = process.parentPid().map(String::valueOf).orElse(pid);
        return new Target(NAME, pid, name, group, labels, attributes);
    }
}
