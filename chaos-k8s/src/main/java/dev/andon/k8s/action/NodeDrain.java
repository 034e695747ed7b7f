package dev.andon.k8s.action;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.RunContext;
import dev.andon.k8s.ApiErrors;
import dev.andon.k8s.Cluster;
import dev.andon.k8s.SelfIdentity;
import dev.andon.k8s.target.NodeTargets;
import dev.andon.k8s.target.PagedList;
import dev.andon.k8s.target.PodFacts;
import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.fabric8.kubernetes.api.model.policy.v1.EvictionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code k8s.node.drain}: cordons a node, then evicts its pods through the Eviction API so that
 * PodDisruptionBudgets are respected (a refused eviction is retried until {@code timeout}), and waits for
 * the evicted pods to be gone. DaemonSet pods and static (mirror) pods are left, as {@code kubectl drain}
 * does, and so is Andon's own pod, should it run there (its node is excluded from {@code k8s.node}
 * targets, but only when {@code NODE_NAME} is known). Undone by {@code k8s.node.uncordon}; the evicted pods are rescheduled by their controllers.
 */
public final class NodeDrain implements Action {

    public static final String NAME = "k8s.node.drain";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(1);
    static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

    private final SelfIdentity self;

    public NodeDrain(SelfIdentity self) {
        this.self = self;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "cordon a node and evict its pods, respecting PodDisruptionBudgets (undo: k8s.node.uncordon)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.withDefault("timeout", ParamType.DURATION, DEFAULT_TIMEOUT, "give up when pods are still there after this long"),
                ParamSpec.optional("gracePeriod", ParamType.DURATION, "grace period for evicted pods (default: each pod's own)"),
                ParamSpec.withDefault("retryInterval", ParamType.DURATION, DEFAULT_RETRY_INTERVAL,
                        "wait between evictions refused by a PodDisruptionBudget"));
    }

    @Override
    public Set<String> targetProviders() {
        return Set.of(NodeTargets.NAME);
    }

    @Override
    public Optional<Compensation> plannedUndo(ActionRequest request) throws ProviderException {
        return NodeCordoning.plannedUncordon(request.requireTarget(), request.context());
    }

    @Override
    public ActionEffect apply(ActionRequest request) throws ProviderException {
        String node = request.requireTarget().id();
        RunContext context = request.context();
        Parameters p = request.parameters();
        Cluster cluster = Cluster.of(context);
        Instant deadline = context.clock().instant().plus(p.duration("timeout").orElse(DEFAULT_TIMEOUT));
        Duration retry = p.duration("retryInterval").orElse(DEFAULT_RETRY_INTERVAL);

        NodeCordoning.cordon(cluster, node, context.runId());
        List<Pod> pending = podsToEvict(cluster, node, self);
        context.note("evicting " + pending.size() + " pods from node " + node);
        Eviction options = eviction(p);
        List<String> evicted = new ArrayList<>();
        while (!pending.isEmpty() && !context.stopRequested() && context.clock().instant().isBefore(deadline)) {
            List<Pod> refused = new ArrayList<>();
            for (Pod pod : pending) {
                if (evict(cluster, pod, options)) {
                    evicted.add(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
                } else {
                    refused.add(pod);
                }
            }
            pending = refused;
            if (!pending.isEmpty()) {
                pause(retry);
            }
        }
        if (!pending.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.FAILED, "drain of node " + node + " stopped with " + pending.size()
                    + " pods not evicted (a PodDisruptionBudget refused them" + (context.stopRequested() ? ", then the run was stopped" : " until the timeout")
                    + "): " + String.join(", ", pending.stream().map(x -> x.getMetadata().getNamespace() + "/" + x.getMetadata().getName()).toList()));
        }
        List<String> remaining = awaitGone(cluster, evicted, deadline, retry, context);
        if (!remaining.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.FAILED, "drain of node " + node + ": " + remaining.size()
                    + " evicted pods were still terminating at the timeout: " + String.join(", ", remaining));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("node", node);
        details.put("evicted", List.copyOf(evicted));
        return new ActionEffect("drained node " + node + ": evicted " + evicted.size() + " pods", details);
    }

    private static List<Pod> podsToEvict(Cluster cluster, String node, SelfIdentity self) throws ProviderException {
        List<Pod> pods = new ArrayList<>();
        PagedList.forEach(o -> cluster.client().pods().inAnyNamespace().list(o), null, "spec.nodeName=" + node, cluster.pageSize(), "pods", null, pod -> {
            boolean onNode = pod.getSpec() != null && node.equals(pod.getSpec().getNodeName());
            boolean daemon = pod.getMetadata().getOwnerReferences() != null
                    && pod.getMetadata().getOwnerReferences().stream().anyMatch(r -> "DaemonSet".equals(r.getKind()));
            boolean mirror = pod.getMetadata().getAnnotations() != null && pod.getMetadata().getAnnotations().containsKey(MIRROR_ANNOTATION);
            String phase = PodFacts.phase(pod);
            boolean finished = "Succeeded".equals(phase) || "Failed".equals(phase);
            boolean andon = self.isSelf(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
            if (onNode && !daemon && !mirror && !finished && !andon && !PodFacts.isTerminating(pod)) {
                pods.add(pod);
            }
        });
        return pods;
    }

    private static Eviction eviction(Parameters p) {
        EvictionBuilder builder = new EvictionBuilder();
        p.duration("gracePeriod").ifPresent(g -> builder.withDeleteOptions(new DeleteOptionsBuilder().withGracePeriodSeconds(g.toSeconds()).build()));
        return builder.build();
    }

    /** True when evicted or already gone; false when a disruption budget refused it for now. */
    private static boolean evict(Cluster cluster, Pod pod, Eviction options) throws ProviderException {
        String ns = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        Eviction eviction = new EvictionBuilder(options).withNewMetadata().withNamespace(ns).withName(name).endMetadata().build();
        try {
            return ApiErrors.call("create", "pods/eviction", ns, name, () -> cluster.client().pods().inNamespace(ns).withName(name).evict(eviction));
        } catch (ProviderException e) {
            if (e.kind() == ProviderException.Kind.NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    private static List<String> awaitGone(Cluster cluster, List<String> pods, Instant deadline, Duration poll, RunContext context) throws ProviderException {
        List<String> remaining = new ArrayList<>(pods);
        while (true) {
            List<String> still = new ArrayList<>();
            for (String id : remaining) {
                String[] parts = id.split("/", 2);
                Pod pod = ApiErrors.call("get", "pods", parts[0], parts[1], () -> cluster.client().pods().inNamespace(parts[0]).withName(parts[1]).get());
                if (pod != null) {
                    still.add(id);
                }
            }
            remaining = still;
            if (remaining.isEmpty() || context.stopRequested() || !context.clock().instant().isBefore(deadline)) {
                return remaining;
            }
            pause(poll);
        }
    }

    private static void pause(Duration d) throws ProviderException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.FAILED, "interrupted while draining");
        }
    }
}
