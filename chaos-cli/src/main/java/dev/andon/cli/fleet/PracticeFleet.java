package dev.andon.cli.fleet;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A local practice fleet: N replicas of a tiny HTTP service, each its own OS process, kept alive by a
 * supervisor (a killed replica comes back after the restart delay), behind one front port that answers
 * while at least one replica does. {@link #close()} kills every replica and leaves no process behind.
 *
 * <p>Replicas carry {@code --role fleet-replica} on their command line, so an experiment selects them with
 * {@code local.process} and {@code commandMatches: fleet-replica}.
 */
public final class PracticeFleet implements AutoCloseable {

    public static final Duration DEFAULT_RESTART_DELAY = Duration.ofSeconds(1);

    private final String id;
    private final FrontDoor front;
    private final ReplicaSupervisor supervisor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PracticeFleet(String id, FrontDoor front, ReplicaSupervisor supervisor) {
        this.id = id;
        this.front = front;
        this.supervisor = supervisor;
    }

    /** Starts a fleet and returns once every replica listens; {@code frontPort} 0 picks a free port. */
    public static PracticeFleet start(int replicas, int frontPort, Duration restartDelay) throws IOException, InterruptedException {
        return start(replicas, frontPort, restartDelay, event -> { });
    }

    /**
     * As {@link #start(int, int, Duration)}, reporting what the supervisor does ("replica-2 (pid 4242) exited
     * with status 137; restarting in 1000ms", "replica-2 is back as pid 4300 ...") to {@code events}.
     */
    public static PracticeFleet start(int replicas, int frontPort, Duration restartDelay, Consumer<String> events)
            throws IOException, InterruptedException {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, but was " + replicas);
        }
        if (frontPort < 0 || frontPort > 65535) {
            throw new IllegalArgumentException("frontPort must be between 0 and 65535, but was " + frontPort);
        }
        if (restartDelay.isNegative()) {
            throw new IllegalArgumentException("restartDelay must not be negative, but was " + restartDelay);
        }
        // The id tells this fleet's replicas from any other fleet's on the same machine.
        String id = UUID.randomUUID().toString().substring(0, 8);
        ReplicaSupervisor supervisor = new ReplicaSupervisor(replicas, restartDelay, new ReplicaLauncher(id), events);
        FrontDoor front = new FrontDoor(frontPort, replicas, supervisor::replicas);
        try {
            supervisor.start();
            front.warmUp();
        } catch (IOException | InterruptedException | RuntimeException e) {
            supervisor.close();
            front.close();
            throw e;
        }
        return new PracticeFleet(id, front, supervisor);
    }

    /** The fleet's id, also on every replica's command line ({@code --fleet <id>}). */
    public String id() {
        return id;
    }

    public int frontPort() {
        return front.port();
    }

    public URI frontUrl() {
        return URI.create("http://127.0.0.1:" + frontPort() + "/");
    }

    /** The current replicas' PIDs in replica order (replica-1 first); a restarted replica has a new PID. */
    public List<Long> replicaPids() {
        return supervisor.replicas().stream().map(RunningReplica::pid).toList();
    }

    /** The current replicas' ports in replica order. */
    public List<Integer> replicaPorts() {
        return supervisor.replicas().stream().map(RunningReplica::port).toList();
    }

    /** Kills every replica and closes the front; safe to call more than once (the CLI's shutdown hook may race it). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            front.close();
            supervisor.close();
        }
    }
}
