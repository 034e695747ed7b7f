package dev.andon.core.scheduler.quartz;

import java.time.Duration;
import java.util.Objects;

/**
 * How one scheduler node runs.
 *
 * @param clusterName      shared by every node of a cluster: the rows they share in the job store
 * @param nodeId           unique per node (host name by default); also names its scheduler and data source
 * @param threads          runs this node may execute at once
 * @param idleWait         how long an idle node waits before looking for due triggers again. Quartz's default
 *                         is 30 s, which a surviving node would wait before taking over; 1 s keeps hand-over fast
 * @param clusterCheckin   how often a node says it is alive; a node silent for longer is taken over
 * @param misfireThreshold a firing this late counts as missed (recorded, not run)
 * @param planSeed         seed of Chaos Monkey plans; {@code andon schedule preview --seed} with it shows the plan
 */
public record SchedulerNodeConfig(
        String clusterName,
        String nodeId,
        int threads,
        Duration idleWait,
        Duration clusterCheckin,
        Duration misfireThreshold,
        long planSeed) {

    public static final String DEFAULT_CLUSTER = "andon";
    public static final int DEFAULT_THREADS = 4;
    public static final Duration DEFAULT_IDLE_WAIT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_CHECKIN = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MISFIRE_THRESHOLD = Duration.ofSeconds(60);

    public SchedulerNodeConfig {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(nodeId, "nodeId");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, but was " + threads);
        }
        if (!nodeId.matches("[-A-Za-z0-9_.]+")) {
            throw new IllegalArgumentException("node id may hold letters, digits, '-', '_' and '.', but was '" + nodeId + "'");
        }
    }

    public static SchedulerNodeConfig defaults(String nodeId, long planSeed) {
        return new SchedulerNodeConfig(DEFAULT_CLUSTER, nodeId, DEFAULT_THREADS, DEFAULT_IDLE_WAIT, DEFAULT_CHECKIN,
                DEFAULT_MISFIRE_THRESHOLD, planSeed);
    }

    public SchedulerNodeConfig withThreads(int n) {
        return new SchedulerNodeConfig(clusterName, nodeId, n, idleWait, clusterCheckin, misfireThreshold, planSeed);
    }

    public SchedulerNodeConfig withMisfireThreshold(Duration d) {
        return new SchedulerNodeConfig(clusterName, nodeId, threads, idleWait, clusterCheckin, d, planSeed);
    }

    public SchedulerNodeConfig withClusterCheckin(Duration d) {
        return new SchedulerNodeConfig(clusterName, nodeId, threads, idleWait, d, misfireThreshold, planSeed);
    }
}
