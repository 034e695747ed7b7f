package dev.andon.k8s.support;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny stand-in for the ReplicaSet and Deployment controllers: every 50 ms it compares the pods of one
 * ReplicaSet with the desired count, creates the missing ones once they have been missing for
 * {@code delay}, and writes the Deployment's ready count, so a test can watch a workload break and recover.
 */
public final class ReplicaSetController implements AutoCloseable {

    private static final long TICK_MILLIS = 50;

    private final KubernetesClient client;
    private final String namespace;
    private final String deployment;
    private final String replicaSet;
    private final Duration delay;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-replicaset-controller");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private long missingSinceNanos = -1;
    private int lastReady = -1;

    public ReplicaSetController(KubernetesClient client, String namespace, String deployment, Duration delay) {
        this.client = client;
        this.namespace = namespace;
        this.deployment = deployment;
        this.replicaSet = deployment + "-rs1";
        this.delay = delay;
        loop.scheduleWithFixedDelay(this::reconcile, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** How many replacement pods the controller has created. */
    public int created() {
        return created.get();
    }

    private void reconcile() {
        try {
            ReplicaSet rs = client.apps().replicaSets().inNamespace(namespace).withName(replicaSet).get();
            var d = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
            if (rs == null || d == null) {
                return;
            }
            int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
            List<Pod> live = client.pods().inNamespace(namespace).list().getItems().stream()
                    .filter(p -> p.getMetadata().getOwnerReferences() != null
                            && p.getMetadata().getOwnerReferences().stream().anyMatch(o -> replicaSet.equals(o.getName())))
                    .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                    .toList();
            if (live.size() < desired) {
                long now = System.nanoTime();
                if (missingSinceNanos < 0) {
                    missingSinceNanos = now;
                } else if (now - missingSinceNanos >= delay.toNanos()) {
                    for (int i = live.size(); i < desired; i++) {
                        new ClusterFixtures(client).pod(namespace, replicaSet + "-r" + generation.incrementAndGet(), rs,
                                d.getSpec().getSelector().getMatchLabels(), "Running", true, "node-1");
                        created.incrementAndGet();
                    }
                    missingSinceNanos = -1;
                }
            } else {
                missingSinceNanos = -1;
                if (live.size() > desired) {
                    for (Pod extra : live.subList(desired, live.size())) {
                        client.pods().inNamespace(namespace).withName(extra.getMetadata().getName()).delete();
                    }
                }
            }
            int ready = (int) Math.min(desired, live.stream().filter(p -> p.getStatus() != null && p.getStatus().getConditions() != null
                    && p.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))).count());
            if (ready != lastReady) {
                String status = "{\"status\":{\"replicas\":" + live.size() + ",\"readyReplicas\":" + ready + ",\"availableReplicas\":" + ready + "}}";
                client.apps().deployments().inNamespace(namespace).withName(deployment).patch(PatchContext.of(PatchType.JSON_MERGE), status);
                lastReady = ready;
            }
        } catch (RuntimeException e) {
            // the cluster is being torn down at the end of a test; the next tick (if any) tries again
        }
    }

    @Override
    public void close() throws InterruptedException {
        loop.shutdownNow();
        loop.awaitTermination(5, TimeUnit.SECONDS);
    }
}
