package dev.andon.core.scheduler.quartz;

import org.quartz.impl.jdbcjobstore.JobStoreTX;

/**
 * Quartz's JDBC job store, told the cluster's name separately from the scheduler's name. Quartz keys its
 * tables by scheduler name, and also refuses two schedulers of one name in one JVM; with this store each
 * node's scheduler has its own name while all of them share the cluster's rows, so two nodes can run in one
 * JVM (tests, benchmarks) exactly as they do in two.
 */
public class ClusterJobStore extends JobStoreTX {

    private String clusterName;

    /** Set from {@code org.quartz.jobStore.clusterName} before Quartz sets the instance name. */
    public void setClusterName(String clusterName) {
        this.clusterName = clusterName;
    }

    @Override
    public void setInstanceName(String instanceName) {
        super.setInstanceName(clusterName == null ? instanceName : clusterName);
    }
}
