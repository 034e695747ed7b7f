package dev.andon.core.scheduler.bench;

import dev.andon.core.model.Metadata;
import dev.andon.core.scheduler.Cadence;
import dev.andon.core.scheduler.FiringHandler;
import dev.andon.core.scheduler.KillLimits;
import dev.andon.core.scheduler.QuietDays;
import dev.andon.core.scheduler.Schedule;
import dev.andon.core.scheduler.quartz.SchedulerNode;
import dev.andon.core.scheduler.quartz.SchedulerNodeConfig;
import dev.andon.core.store.StoreConfig;
import dev.andon.core.store.jdbc.JdbcAndonStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * 10,000 schedules on one daemon node over the embedded H2 store: time to register them, heap, idle CPU, and
 * the delay between a firing's scheduled time and the moment the node hands it over (p50/p99/max).
 *
 * <pre>
 * java -cp ... dev.andon.core.scheduler.bench.SchedulerBenchmark [schedules] [firing seconds] [threads]
 * </pre>
 */
public final class SchedulerBenchmark {

    private SchedulerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int firingSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : SchedulerNodeConfig.DEFAULT_THREADS;
        Path dir = Files.createTempDirectory("andon-sched-bench");
        System.out.printf("schedules=%d threads=%d cores=%d jvm=%s%n", count, threads, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        StoreConfig plain = StoreConfig.h2(dir);
        StoreConfig config = plain.withMaxPoolSize(threads + 4);
        ConcurrentLinkedQueue<Long> delays = new ConcurrentLinkedQueue<>();
        FiringHandler handler = new FiringHandler() {
            @Override
            public void fired(String schedule, Instant scheduledAt) {
                delays.add(Duration.between(scheduledAt, Instant.now()).toMillis());
            }

            @Override
            public void missed(String schedule, Instant scheduledAt) {
                delays.add(-1L);
            }
        };
        try (JdbcAndonStore store = JdbcAndonStore.open(config);
                SchedulerNode node = SchedulerNode.create(store.dataSource(), false,
                        SchedulerNodeConfig.defaults("bench", 1).withThreads(threads), handler, Clock.systemUTC())) {
            long heapBefore = usedHeapAfterGc();
            long t0 = System.nanoTime();
            node.sync(schedules(count, i -> "0 0 3 * * ?"));
            long syncMs = (System.nanoTime() - t0) / 1_000_000;
            node.start();
            long heapAfter = usedHeapAfterGc();
            System.out.printf("register %d daily schedules: %d ms (%.1f ms each)%n", count, syncMs, (double) syncMs / count);
            System.out.printf("heap used after GC: %.1f MB before, %.1f MB with %d schedules registered and the node started%n",
                    heapBefore / 1e6, heapAfter / 1e6, count);

            long cpu0 = processCpuNanos();
            long wall0 = System.nanoTime();
            waitMillis(30_000);
            double idleCpu = (processCpuNanos() - cpu0) / (double) (System.nanoTime() - wall0);
            System.out.printf("idle CPU over 30 s (nothing due): %.1f%% of one core%n", idleCpu * 100);

            // Every schedule now fires once a minute, at second (i mod 60): ~count/60 firings per second.
            t0 = System.nanoTime();
            node.sync(schedules(count, i -> (i % 60) + " * * * * ?"));
            System.out.printf("re-register as once-a-minute schedules: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            delays.clear();
            cpu0 = processCpuNanos();
            wall0 = System.nanoTime();
            waitMillis(firingSeconds * 1000L);
            double busyCpu = (processCpuNanos() - cpu0) / (double) (System.nanoTime() - wall0);
            long[] sorted = delays.stream().mapToLong(Long::longValue).filter(d -> d >= 0).sorted().toArray();
            long missed = delays.stream().filter(d -> d < 0).count();
            System.out.printf("firings in %d s: %d (%.0f/s expected %.0f/s), missed %d, CPU %.0f%% of one core%n", firingSeconds, sorted.length,
                    sorted.length / (double) firingSeconds, count / 60.0, missed, busyCpu * 100);
            System.out.printf("fire delay: p50 %d ms, p99 %d ms, max %d ms%n", percentile(sorted, 50), percentile(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
        }
    }

    private static List<Schedule> schedules(int count, java.util.function.IntFunction<String> cron) {
        List<Schedule> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = String.format("bench-%05d", i);
            out.add(new Schedule(Path.of(name + ".yaml"), new Metadata(name, "", Map.of()), Path.of("experiment.yaml"), Map.of(), true,
                    new Cadence.Cron(cron.apply(i), ZoneOffset.UTC), Optional.empty(), QuietDays.NONE, KillLimits.NONE, Optional.empty()));
        }
        return out;
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    // A benchmark measures over wall-clock time on purpose; this is not a test waiting for a condition.
    private static void waitMillis(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }

}
