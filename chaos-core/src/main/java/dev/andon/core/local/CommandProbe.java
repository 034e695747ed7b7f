package dev.andon.core.local;

import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Probe;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.spi.RunContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code process}: runs a command; observes {@code exitCode}, {@code stdout} and {@code stderr} (each the
 * first 64 KiB, kept as printed, trailing newline included). A string runs with {@code sh -c}; a list runs
 * as is, without a shell. A command that outlives its timeout is killed with all its descendants.
 */
final class CommandProbe implements Probe {

    static final String NAME = "process";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int OUTPUT_LIMIT_BYTES = 64 * 1024;
    static final String STDERR = "stderr";
    /** How long output may keep arriving after the command exited. */
    private static final String COMMAND = "command";
    private static final String TIMEOUT = "timeout";
    private static final String ENV = "env";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "runs a command; observes exit code, stdout and stderr";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required(COMMAND, ParamType.ANY, "a command line run with sh -c, or a list: the program and its arguments"),
                ParamSpec.withDefault(TIMEOUT, ParamType.DURATION, DEFAULT_TIMEOUT, "how long the command may run before it is killed"),
                ParamSpec.optional(ENV, ParamType.STRING_MAP, "environment variables added to Andon's own"));
    }

    @Override
    public List<String> check(Parameters parameters) {
        List<String> problems = new ArrayList<>();
        Object command = parameters.any(COMMAND).orElse(null);
        if (command instanceof String text && text.isBlank()) {
            problems.add("command is empty; give a command line or a list such as [curl, -sf, http://127.0.0.1:8080/]");
        } else if (command instanceof List<?> list) {
            if (list.isEmpty()) {
                problems.add("command is an empty list; give the program and its arguments");
            } else if (!list.stream().allMatch(item -> item instanceof String || item instanceof Number || item instanceof Boolean)) {
                problems.add("command list items must be strings");
            }
        } else if (command != null && !(command instanceof String)) {
            problems.add("command must be a string (run with sh -c) or a list of strings");
        }
        parameters.duration(TIMEOUT).filter(t -> t.isZero() || t.isNegative())
                .ifPresent(t -> problems.add("timeout must be positive"));
        return problems;
    }

    @Override
    public ProbeObservation observe(Parameters parameters, RunContext context) {
        List<String> command = commandLine(parameters.any(COMMAND).orElseThrow());
        Duration timeout = parameters.duration(TIMEOUT).orElse(DEFAULT_TIMEOUT);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(parameters.stringMap(ENV));
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        // Output goes to files, not pipes: a command may leave a background process holding its output,
        // and the JDK closes a pipe when the command exits, racing with the reader. Files are read after
        // the exit, whatever such a process does.
        Path out;
        Path err;
        try {
            out = Files.createTempFile("andon-probe-", ".out");
            err = Files.createTempFile("andon-probe-", ".err");
        } catch (IOException e) {
            return ProbeObservation.failed("cannot run " + command + ": no temporary file for its output (" + e.getMessage() + ")", Duration.ZERO);
        }
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        // Latency is elapsed time, so it is read from the monotonic clock, not from the run's wall Clock.
        long start = System.nanoTime();
        try {
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                return ProbeObservation.failed("cannot run " + command + ": " + e.getMessage(), elapsedSince(start));
            }
            try {
                process.getOutputStream().close();
                if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    killTree(process);
                    return ProbeObservation.failed("command did not finish within " + timeout.toMillis() + "ms and was killed: "
                            + String.join(" ", command), elapsedSince(start));
                }
                Duration latency = elapsedSince(start);
                return ProbeObservation.of(Map.of(
                        ProbeObservation.EXIT_CODE, process.exitValue(),
                        ProbeObservation.STDOUT, head(out),
                        STDERR, head(err)), latency);
            } catch (IOException e) {
                killTree(process);
                return ProbeObservation.failed("running " + command + " failed: " + e.getMessage(), elapsedSince(start));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                killTree(process);
                return ProbeObservation.failed("interrupted while running " + String.join(" ", command), elapsedSince(start));
            }
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** The first {@link #OUTPUT_LIMIT_BYTES} of a file, as text. */
    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(OUTPUT_LIMIT_BYTES), StandardCharsets.UTF_8);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file is not worth failing an observation for.
        }
    }

    private static List<String> commandLine(Object command) {
        if (command instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of("sh", "-c", String.valueOf(command));
    }

    /** Descendants first, so a shell's children are not re-parented and left running. */
    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
