package dev.andon.k8s.action;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import dev.andon.k8s.ApiErrors;
import dev.andon.k8s.Cluster;
import dev.andon.k8s.target.PodTargets;
import dev.andon.k8s.target.WorkloadTargets;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code k8s.network.remove-policy}: deletes a NetworkPolicy Andon created and, for a pod target, the
 * label that made the policy select it. A policy or pod that is already gone is fine: the undo is
 * idempotent and runs after a crash as well as in a normal rollback.
 */
public final class NetworkRemovePolicy implements Action {

    public static final String NAME = "k8s.network.remove-policy";
    static final String NAMESPACE = "namespace";
    static final String POLICY = "policy";
    static final String POD_LABEL = "podLabel";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "delete a NetworkPolicy made by k8s.network.partition and unlabel its pod";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.required(NAMESPACE, ParamType.STRING, "namespace of the policy"),
                ParamSpec.required(POLICY, ParamType.STRING, "name of the policy"),
                ParamSpec.optional(POD_LABEL, ParamType.STRING, "label to remove from the target pod"));
    }

    @Override
    public Set<String> targetProviders() {
        return Set.of(PodTargets.NAME, WorkloadTargets.NAME);
    }

    @Override
    public ActionEffect apply(ActionRequest request) throws ProviderException {
        Cluster cluster = Cluster.of(request.context());
        String ns = request.parameters().requireString(NAMESPACE);
        String policy = request.parameters().requireString(POLICY);
        boolean deleted = !ApiErrors.call("delete", "networkpolicies", ns, policy,
                () -> cluster.client().network().v1().networkPolicies().inNamespace(ns).withName(policy).delete()).isEmpty();
        Optional<String> label = request.parameters().string(POD_LABEL);
        Optional<Target> target = request.target();
        if (label.isPresent() && target.isPresent() && PodTargets.NAME.equals(target.get().provider())) {
            PodRef pod = PodRef.of(target.get());
            Pod current = ApiErrors.call("get", "pods", ns, pod.name(), () -> cluster.client().pods().inNamespace(ns).withName(pod.name()).get());
            if (current != null && current.getMetadata().getLabels() != null && current.getMetadata().getLabels().containsKey(label.get())) {
                // a JSON patch removes the key; some servers keep a merge patch's null as a value
                String patch = "[{\"op\":\"remove\",\"path\":\"/metadata/labels/" + label.get().replace("~", "~0").replace("/", "~1") + "\"}]";
                ApiErrors.call("patch", "pods", ns, pod.name(),
                        () -> cluster.client().pods().inNamespace(ns).withName(pod.name()).patch(PatchContext.of(PatchType.JSON), patch));
            }
        }
        return new ActionEffect(deleted ? "removed NetworkPolicy " + ns + "/" + policy : "NetworkPolicy " + ns + "/" + policy + " was already gone",
                Map.of("policy", ns + "/" + policy, "deleted", deleted));
    }
}
