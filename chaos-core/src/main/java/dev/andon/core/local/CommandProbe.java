package dev.andon.core.local;

import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Probe;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.spi.RunContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);

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
        // Latency is elapsed time, so it is read from the monotonic clock, not from the run's wall Clock.
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return ProbeObservation.failed("cannot run " + command + ": " + e.getMessage(), elapsedSince(start));
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stdout = capture(process.getInputStream());
            CompletableFuture<String> stderr = capture(process.getErrorStream());
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                killTree(process);
                return ProbeObservation.failed("command did not finish within " + timeout.toMillis() + "ms and was killed: "
                        + String.join(" ", command), elapsedSince(start));
            }
            Duration latency = elapsedSince(start);
            return ProbeObservation.of(Map.of(
                    ProbeObservation.EXIT_CODE, process.exitValue(),
                    ProbeObservation.STDOUT, stdout.get(OUTPUT_GRACE.toMillis(), TimeUnit.MILLISECONDS),
                    STDERR, stderr.get(OUTPUT_GRACE.toMillis(), TimeUnit.MILLISECONDS)), latency);
        } catch (TimeoutException e) {
            return ProbeObservation.failed("command exited but a background process it started still holds its output open: "
                    + String.join(" ", command) + " (redirect the background process's output)", elapsedSince(start));
        } catch (ExecutionException | IOException e) {
            killTree(process);
            return ProbeObservation.failed("running " + command + " failed: " + e.getMessage(), elapsedSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(process);
            return ProbeObservation.failed("interrupted while running " + String.join(" ", command), elapsedSince(start));
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

    /** Reads a stream to its end on its own thread (so a full pipe never blocks the command), keeping the first bytes. */
    private static CompletableFuture<String> capture(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                byte[] kept = stream.readNBytes(OUTPUT_LIMIT_BYTES);
                stream.transferTo(OutputStream.nullOutputStream());
                return new String(kept, StandardCharsets.UTF_8);
            } catch (IOException e) {
                // The pipe closes under the reader when a timed-out command is killed; nothing more to keep.
                return "";
            }
        }, runnable -> {
            Thread reader = new Thread(runnable, "andon-process-probe-output");
            reader.setDaemon(true);
            reader.start();
        });
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
