package dev.andon.cli.fleet;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Keeps N replicas alive: each runs as its own JVM, and one that exits, for whatever reason, is started
 * again after the restart delay, under the same name and a new PID.
 */
final class ReplicaSupervisor implements AutoCloseable {

    private final ReplicaLauncher launcher;
    private final Duration restartDelay;
    private final Consumer<String> events;
    private final AtomicReferenceArray<RunningReplica> slots;
    /** Every process ever started, so close() also finds one whose launch was still waiting for its port. */
    private final Set<Process> started = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService restarts;
    private volatile boolean closed;

    ReplicaSupervisor(int replicas, Duration restartDelay, ReplicaLauncher launcher, Consumer<String> events) {
        this.launcher = launcher;
        this.restartDelay = restartDelay;
        this.events = events;
        this.slots = new AtomicReferenceArray<>(replicas);
        this.restarts = Executors.newScheduledThreadPool(replicas, runnable -> {
            Thread thread = new Thread(runnable, "andon-fleet-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts every replica at once and returns when all listen. */
    void start() throws IOException, InterruptedException {
        List<Future<RunningReplica>> launches = new ArrayList<>();
        for (int slot = 0; slot < slots.length(); slot++) {
            String name = name(slot);
            launches.add(restarts.submit(() -> launch(name)));
        }
        for (int slot = 0; slot < slots.length(); slot++) {
            try {
                install(slot, launches.get(slot).get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }

    /** The replicas in slot order; a replica just killed may still be listed until its exit is noticed. */
    List<RunningReplica> replicas() {
        List<RunningReplica> replicas = new ArrayList<>();
        for (int slot = 0; slot < slots.length(); slot++) {
            RunningReplica replica = slots.get(slot);
            if (replica != null) {
                replicas.add(replica);
            }
        }
        return replicas;
    }

    private RunningReplica launch(String name) throws IOException, InterruptedException {
        RunningReplica replica = launcher.launch(name);
        started.add(replica.process());
        if (closed) {
            ReplicaLauncher.destroy(replica.process());
        }
        return replica;
    }

    private void install(int slot, RunningReplica replica) {
        slots.set(slot, replica);
        replica.process().onExit().thenRun(() -> exited(slot, replica));
    }

    private void exited(int slot, RunningReplica replica) {
        started.remove(replica.process());
        if (closed) {
            return;
        }
        events.accept(replica.name() + " (pid " + replica.pid() + ") exited with status " + replica.process().exitValue()
                + "; restarting in " + restartDelay.toMillis() + "ms");
        scheduleRestart(slot, restartDelay);
    }

    private void scheduleRestart(int slot, Duration delay) {
        try {
            restarts.schedule(() -> restart(slot), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: nothing to restart.
        }
    }

    private void restart(int slot) {
        if (closed) {
            return;
        }
        String name = name(slot);
        long begin = System.nanoTime();
        try {
            RunningReplica replica = launch(name);
            if (closed) {
                return;
            }
            install(slot, replica);
            events.accept(name + " is back as pid " + replica.pid() + " on port " + replica.port()
                    + " (started in " + Duration.ofNanos(System.nanoTime() - begin).toMillis() + "ms)");
        } catch (IOException e) {
            events.accept(name + " failed to start: " + e.getMessage() + "; retrying in " + restartDelay.toMillis() + "ms");
            scheduleRestart(slot, restartDelay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String name(int slot) {
        return "replica-" + (slot + 1);
    }

    /** Stops restarting, kills every replica and waits until they are gone. */
    @Override
    public void close() {
        closed = true;
        restarts.shutdownNow();
        List<Process> all = new ArrayList<>(started);
        replicas().stream().map(RunningReplica::process).forEach(all::add);
        all.forEach(ReplicaLauncher::destroy);
        for (Process process : all) {
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                events.accept("replica pid " + process.pid() + " did not exit after SIGKILL within 5s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            restarts.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A launch interrupted by shutdownNow destroys its own process; one that slipped through is caught here.
        started.forEach(ReplicaLauncher::destroy);
    }
}
