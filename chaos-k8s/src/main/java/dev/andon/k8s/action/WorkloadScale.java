package dev.andon.k8s.action;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import dev.andon.k8s.ApiErrors;
import dev.andon.k8s.Cluster;
import dev.andon.k8s.target.WorkloadTargets;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code k8s.workload.scale}: sets a Deployment's or StatefulSet's replica count. Its undo is the same
 * action with the count read just before scaling, so it is data, survives a crash and is idempotent.
 */
public final class WorkloadScale implements Action {

    public static final String NAME = "k8s.workload.scale";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "set a workload's replica count (undo: scale back to the count it had)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.required("replicas", ParamType.INTEGER, "the replica count to set"));
    }

    @Override
    public List<String> check(Parameters parameters) {
        long replicas = parameters.integer("replicas").orElse(0L);
        return replicas < 0 ? List.of("replicas must be at least 0, but was " + replicas) : List.of();
    }

    @Override
    public Set<String> targetProviders() {
        return Set.of(WorkloadTargets.NAME);
    }

    @Override
    public Optional<Compensation> plannedUndo(ActionRequest request) throws ProviderException {
        Target target = request.requireTarget();
        int current = replicas(Cluster.of(request.context()), target);
        return Optional.of(new Compensation(NAME, Optional.of(target), Map.of("replicas", (long) current),
                "scale " + target.id() + " back to " + current + " replicas"));
    }

    @Override
    public ActionEffect apply(ActionRequest request) throws ProviderException {
        Target target = request.requireTarget();
        long replicas = request.parameters().integer("replicas").orElseThrow();
        Cluster cluster = Cluster.of(request.context());
        int before = replicas(cluster, target);
        String ns = target.attribute("namespace");
        String name = target.attribute("workload");
        String patch = "{\"spec\":{\"replicas\":" + replicas + "}}";
        boolean stateful = "StatefulSet".equals(target.attribute("kind"));
        ApiErrors.call("patch", stateful ? "statefulsets" : "deployments", ns, name, () -> stateful
                ? cluster.client().apps().statefulSets().inNamespace(ns).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), patch)
                : cluster.client().apps().deployments().inNamespace(ns).withName(name).patch(PatchContext.of(PatchType.JSON_MERGE), patch));
        return new ActionEffect("scaled " + target.id() + " from " + before + " to " + replicas + " replicas",
                Map.of("workload", target.id(), "previousReplicas", before, "replicas", replicas));
    }

    static int replicas(Cluster cluster, Target target) throws ProviderException {
        String ns = target.attribute("namespace");
        String name = target.attribute("workload");
        boolean stateful = "StatefulSet".equals(target.attribute("kind"));
        HasMetadata w = ApiErrors.call("get", stateful ? "statefulsets" : "deployments", ns, name, () -> stateful
                ? cluster.client().apps().statefulSets().inNamespace(ns).withName(name).get()
                : cluster.client().apps().deployments().inNamespace(ns).withName(name).get());
        if (w == null) {
            throw new ProviderException(ProviderException.Kind.NOT_FOUND, target.id() + " not found (it vanished after selection)");
        }
        Integer r = w instanceof Deployment d ? d.getSpec().getReplicas() : ((StatefulSet) w).getSpec().getReplicas();
        return r == null ? 1 : r;
    }
}
