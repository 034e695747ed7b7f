package dev.andon.core.store.bench;

import static dev.andon.core.testing.Experiments.experiment;

import dev.andon.core.engine.ExperimentRunner;
import dev.andon.core.engine.Outcome;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.engine.StopSignal;
import dev.andon.core.model.Experiment;
import dev.andon.core.model.SelectionMode;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.store.AndonStore;
import dev.andon.core.store.HaltCord;
import dev.andon.core.store.PostgresServer;
import dev.andon.core.store.StoreConfig;
import dev.andon.core.store.jdbc.JdbcAndonStore;
import dev.andon.core.testing.InMemoryPlugin;
import dev.andon.core.testing.InMemorySystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Cord latency, measured (not a test): from the moment {@code andon halt} starts writing to the moment
 * runs notice, on H2 (two pools on one file, as a daemon and a terminal share it) and on PostgreSQL (two
 * nodes). Two measures:
 * <ol>
 *   <li><b>signal</b>: every node's {@link HaltCord}, polled every 100 ms as the engine's stop watcher
 *   does, returns the stop; latency is the slowest node's.</li>
 *   <li><b>run aborted</b>: a real {@link ExperimentRunner} run on each node (a fault held for 30 s)
 *   returns {@code aborted} with its fault undone; latency is the slowest run's.</li>
 * </ol>
 * Run (arguments: signal rounds, run rounds, seed):
 * <pre>
 * ./mvnw -B -o -q -pl chaos-core -am test-compile
 * ./mvnw -B -o -q -pl chaos-core dependency:build-classpath -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
 * java -Dh2.bindAddress=127.0.0.1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
 *   -cp chaos-core/target/test-classes:chaos-core/target/classes:$(cat chaos-core/target/test.cp) \
 *   dev.andon.core.store.bench.CordLatencyBenchmark 40 10 1
 * </pre>
 */
public final class CordLatencyBenchmark {

    private static final long ENGINE_POLL_MS = ExperimentRunner.STOP_POLL_INTERVAL.toMillis();

    private CordLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int signalRounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int runRounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;
        System.out.printf("cord latency: %d signal rounds, %d run rounds, seed %d, %d cores, Java %s%n",
                signalRounds, runRounds, seed, Runtime.getRuntime().availableProcessors(), Runtime.version());

        Path dir = Files.createTempDirectory("andon-cord-bench");
        StoreConfig h2 = StoreConfig.h2(dir);
        measure("H2 file, 2 pools", () -> h2, signalRounds, runRounds, new Random(seed));

        try (PostgresServer postgres = PostgresServer.start()) {
            StoreConfig pg = postgres.freshDatabase();
            measure("PostgreSQL, 2 nodes", () -> pg, signalRounds, runRounds, new Random(seed));
        }
    }

    private static void measure(String label, Supplier<StoreConfig> config, int signalRounds, int runRounds, Random random)
            throws Exception {
        try (AndonStore operator = JdbcAndonStore.open(config.get());
                AndonStore nodeA = JdbcAndonStore.open(config.get());
                AndonStore nodeB = JdbcAndonStore.open(config.get())) {
            List<Long> signal = new ArrayList<>();
            for (int i = 0; i < signalRounds; i++) {
                signal.add(signalRound(operator, List.of(nodeA, nodeB), random));
            }
            report(label + ", halt -> StopSignal on every node", signal);

            List<Long> runs = new ArrayList<>();
            for (int i = 0; i < runRounds; i++) {
                runs.add(runRound(operator, List.of(nodeA, nodeB), random));
            }
            report(label + ", halt -> every run aborted and rolled back", runs);
        }
    }

    /** Each node polls its own cord every 100 ms, starting at a random phase; returns ms until the last node saw it. */
    private static long signalRound(AndonStore operator, List<AndonStore> nodes, Random random) throws Exception {
        ScheduledExecutorService pollers = Executors.newScheduledThreadPool(nodes.size());
        try {
            List<CompletableFuture<Long>> seen = new ArrayList<>();
            for (AndonStore node : nodes) {
                HaltCord cord = new HaltCord(node.halts(), Clock.systemUTC());
                CompletableFuture<Long> when = new CompletableFuture<>();
                pollers.scheduleAtFixedRate(() -> {
                    if (!when.isDone() && cord.poll().isPresent()) {
                        when.complete(System.nanoTime());
                    }
                }, random.nextInt((int) ENGINE_POLL_MS), ENGINE_POLL_MS, TimeUnit.MILLISECONDS);
                seen.add(when);
            }
            Thread.sleep(300 + random.nextInt(300));
            long start = System.nanoTime();
            operator.halts().halt("bench", "latency round", Instant.now());
            long last = 0;
            for (CompletableFuture<Long> f : seen) {
                last = Math.max(last, f.get(10, TimeUnit.SECONDS));
            }
            return TimeUnit.NANOSECONDS.toMillis(last - start);
        } finally {
            pollers.shutdownNow();
            operator.halts().resume("bench", "next round", Instant.now());
        }
    }

    /** A real run per node, holding a fault for 30 s; returns ms from halt until the last run returned aborted. */
    private static long runRound(AndonStore operator, List<AndonStore> nodes, Random random) throws Exception {
        List<InMemorySystem> systems = new ArrayList<>();
        List<CompletableFuture<Long>> ended = new ArrayList<>();
        try {
            for (AndonStore node : nodes) {
                InMemorySystem system = new InMemorySystem(3, Duration.ofMillis(300));
                systems.add(system);
                ExperimentRunner runner = new ExperimentRunner(PluginRegistry.of(new InMemoryPlugin(system)), Clock.systemUTC());
                StopSignal cord = new HaltCord(node.halts(), Clock.systemUTC());
                Experiment e = experiment().nodes("nodes", SelectionMode.ONE).atLeastUp(1)
                        .act("mem.freeze", "nodes").pause(Duration.ofSeconds(30)).build();
                RunOptions options = new RunOptions(dev.andon.core.engine.RunIds.next(), random.nextLong(), false, Map.of(), cord, "bench");
                ended.add(CompletableFuture.supplyAsync(() -> {
                    RunResult r = runner.run(e, options, new dev.andon.core.engine.RunListener() { });
                    if (r.outcome() != Outcome.ABORTED || system.upCount() != 3) {
                        throw new IllegalStateException("run did not abort cleanly: " + r.outcome() + " " + r.reason());
                    }
                    return System.nanoTime();
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (systems.stream().anyMatch(s -> s.upCount() != 2)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the runs did not inject within 10 s");
                }
                Thread.onSpinWait();
            }
            Thread.sleep(200 + random.nextInt(300));
            long start = System.nanoTime();
            operator.halts().halt("bench", "latency round", Instant.now());
            long last = 0;
            for (CompletableFuture<Long> f : ended) {
                last = Math.max(last, f.get(10, TimeUnit.SECONDS));
            }
            return TimeUnit.NANOSECONDS.toMillis(last - start);
        } finally {
            operator.halts().resume("bench", "next round", Instant.now());
            systems.forEach(InMemorySystem::close);
        }
    }

    private static void report(String what, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("%-64s n=%-3d p50=%4d ms  p99=%4d ms  max=%4d ms%n", what, sorted.size(),
                percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
