package dev.andon.cli.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts one {@link FleetReplica} JVM and waits until it listens. */
final class ReplicaLauncher {

    /** A JVM start on a busy two-core machine can take seconds; a replica that needs more is broken. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Small heap, serial GC and C1 only: a replica serves a few bytes, and these flags halve the start time
     * on two cores, which is what the restart latency is made of.
     */
    private static final List<String> JVM_FLAGS = List.of(
            "-Xmx32m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    private final String fleetId;
    private final String javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String classPath = replicaClassPath();

    ReplicaLauncher(String fleetId) {
        this.fleetId = fleetId;
    }

    List<String> command(String name) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable);
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", classPath, FleetReplica.class.getName(),
                "--role", FleetReplica.ROLE, "--name", name, "--fleet", fleetId));
        return command;
    }

    RunningReplica launch(String name) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command(name)).redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(process, port), "andon-" + name + "-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new RunningReplica(name, process, port.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            destroy(process);
            throw new IOException(name + " did not start listening within " + READY_TIMEOUT.toSeconds() + "s"
                    + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()), e);
        } catch (InterruptedException e) {
            destroy(process);
            throw e;
        }
    }

    static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Takes the port from the first line, then drains the rest so a chatty replica never blocks on a full pipe. */
    private static void readOutput(Process process, CompletableFuture<Integer> port) {
        List<String> earlyLines = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!port.isDone()) {
                    if (line.startsWith(FleetReplica.READY_PREFIX)) {
                        port.complete(Integer.parseInt(line.substring(FleetReplica.READY_PREFIX.length()).strip()));
                    } else if (earlyLines.size() < 20) {
                        earlyLines.add(line);
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IOException("it exited before listening" + (earlyLines.isEmpty() ? "" : ": " + String.join(" | ", earlyLines))));
    }

    /** Where FleetReplica was loaded from: target/classes in a build, the andon jar when installed. */
    private static String replicaClassPath() {
        CodeSource source = FleetReplica.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return System.getProperty("java.class.path");
        }
        try {
            return Path.of(source.getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            return System.getProperty("java.class.path");
        }
    }
}
