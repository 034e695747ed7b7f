package dev.andon.cli.fleet;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import dev.andon.core.model.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code andon fleet}: runs a practice fleet in the foreground until Ctrl-C. */
@Command(
        name = "fleet",
        mixinStandardHelpOptions = true,
        description = {
            "Starts a local practice fleet: N replicas of a tiny HTTP service, each its own process, kept alive by a"
                    + " supervisor (a killed replica comes back after the restart delay), behind one front port.",
            "Select the replicas in an experiment with provider local.process and commandMatches: fleet-replica."
        })
public final class FleetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--replicas", defaultValue = "3", description = "How many replicas to keep alive (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--port", defaultValue = "8080", description = "The front port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--restart-delay", defaultValue = "1s", converter = DurationConverter.class,
            description = "How long a dead replica stays dead before it is started again (default: ${DEFAULT-VALUE}).")
    Duration restartDelay;

    @Option(names = "--for", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Stop the fleet after this long instead of waiting for Ctrl-C.")
    Duration runFor;

    private final Clock clock = Clock.systemDefaultZone();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PracticeFleet fleet = start(out);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread closeOnSignal = new Thread(() -> {
            fleet.close();
            stopped.countDown();
            out.println("practice fleet stopped; no replica left running");
            out.flush();
        }, "andon-fleet-shutdown");
        Runtime.getRuntime().addShutdownHook(closeOnSignal);
        try {
            printStarted(out, fleet);
            if (runFor == null) {
                stopped.await();
            } else {
                stopped.await(runFor.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            removeHook(closeOnSignal);
            fleet.close();
        }
        out.println("practice fleet stopped; no replica left running");
        out.flush();
        return ExitCodes.HELD;
    }

    private PracticeFleet start(PrintWriter out) throws InterruptedException {
        if (replicas < 1) {
            throw new UserError(ExitCodes.INVALID_INPUT, "--replicas must be at least 1, but was " + replicas);
        }
        if (port < 0 || port > 65535) {
            throw new UserError(ExitCodes.INVALID_INPUT, "--port must be between 0 and 65535, but was " + port);
        }
        out.println("starting a practice fleet of " + replicas + " replica" + (replicas == 1 ? "" : "s") + " ...");
        out.flush();
        try {
            return PracticeFleet.start(replicas, port, restartDelay, event -> {
                out.println(LocalTime.now(clock).truncatedTo(ChronoUnit.SECONDS) + " " + event);
                out.flush();
            });
        } catch (BindException e) {
            throw new UserError(ExitCodes.INVALID_INPUT, "cannot open the front: " + e.getMessage() + " (--port)", e);
        } catch (IOException e) {
            throw new UserError(ExitCodes.FAILED, "the practice fleet did not start: " + e.getMessage(), e);
        }
    }

    private void printStarted(PrintWriter out, PracticeFleet fleet) {
        out.println("front: " + fleet.frontUrl());
        List<Long> pids = fleet.replicaPids();
        List<Integer> ports = fleet.replicaPorts();
        for (int i = 0; i < pids.size(); i++) {
            out.println("replica-" + (i + 1) + ": pid " + pids.get(i) + ", port " + ports.get(i));
        }
        out.println("restart delay: " + Durations.format(restartDelay));
        out.println("status: " + fleet.frontUrl().resolve("/_fleet") + " (how many replicas answer)");
        out.println("fleet id: " + fleet.id() + "  (andon run experiments/local/quickstart.yaml --var port=" + fleet.frontPort()
                + " --var fleet=" + fleet.id() + ")");
        out.println("select the replicas with: provider local.process, selector { commandMatches: \"--role fleet-replica .*--fleet " + fleet.id() + "\" }");
        out.println(runFor == null ? "press Ctrl-C to stop" : "stopping in " + Durations.format(runFor));
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting and the hook is closing the fleet already.
        }
    }
}
