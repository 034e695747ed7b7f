package dev.andon.cli.fleet.bench;

import dev.andon.cli.fleet.PracticeFleet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Practice fleet figures: how long a fleet takes to start (every replica listening), and how long a
 * SIGKILLed replica takes to answer again (kill to first 200 from the new replica's own port), with the
 * restart delay set to zero so the figure is the supervisor's and the JVM's own cost.
 *
 * <p>Run: see docs/benchmarks.md, section "Local adapter".
 */
public final class FleetBenchmark {

    private static final int ROUNDS = 7;

    private FleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        for (int replicas : new int[] {1, 3}) {
            List<Double> startMillis = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                long begin = System.nanoTime();
                try (PracticeFleet fleet = PracticeFleet.start(replicas, 0, Duration.ofSeconds(1))) {
                    startMillis.add((System.nanoTime() - begin) / 1e6);
                }
            }
            print("fleet start, " + replicas + " replica(s), until all listen", startMillis);
        }

        List<Double> restartMillis = new ArrayList<>();
        BlockingQueue<String> backEvents = new LinkedBlockingQueue<>();
        try (PracticeFleet fleet = PracticeFleet.start(2, 0, Duration.ZERO, event -> {
            if (event.startsWith("replica-1 is back")) {
                backEvents.add(event);
            }
        })) {
            for (int i = 0; i < ROUNDS; i++) {
                long victim = fleet.replicaPids().get(0);
                long begin = System.nanoTime();
                ProcessHandle.of(victim).orElseThrow().destroyForcibly();
                // The supervisor reports "back" once the new replica printed its port, i.e. listens.
                if (backEvents.poll(60, TimeUnit.SECONDS) == null) {
                    throw new IllegalStateException("replica-1 did not come back within 60s");
                }
                URI own = URI.create("http://127.0.0.1:" + fleet.replicaPorts().get(0) + "/");
                int status = client.send(HttpRequest.newBuilder(own).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                restartMillis.add((System.nanoTime() - begin) / 1e6);
                if (status != 200) {
                    throw new IllegalStateException("the new replica answered " + status);
                }
            }
        }
        print("restart, SIGKILL to first 200 from the new replica (restart delay 0)", restartMillis);
    }

    private static void print(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-70s median %6.0f ms, min %6.0f ms, max %6.0f ms (%d rounds, %d cores)%n",
                what, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), sorted.size(),
                Runtime.getRuntime().availableProcessors());
    }
}
