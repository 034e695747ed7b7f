package dev.andon.k8s.action;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import dev.andon.k8s.ApiErrors;
import dev.andon.k8s.Cluster;
import dev.andon.k8s.target.PodTargets;
import dev.andon.k8s.target.SafetyLabels;
import dev.andon.k8s.target.WorkloadTargets;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code k8s.network.partition}: cuts pods off the network with a NetworkPolicy that selects them and
 * allows nothing in the chosen directions. A pod target is first labelled
 * {@code andon.dev/partition=<key>} so the policy hits that pod alone, not its siblings; a workload target
 * is selected by the workload's own selector. The policy carries {@code andon.dev/run} and
 * {@code app.kubernetes.io/managed-by=andon} so leftovers can be found with a label selector. Undone by
 * {@code k8s.network.remove-policy}. Needs a network plugin that enforces NetworkPolicies.
 */
public final class NetworkPartition implements Action {

    public static final String NAME = "k8s.network.partition";
    static final String PARTITION_LABEL = "andon.dev/partition";
    static final String POLICY_PREFIX = "andon-partition-";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "deny ingress and/or egress of pods with a NetworkPolicy (undo: k8s.network.remove-policy)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.withDefault("direction", ParamType.STRING, "both", "which traffic to deny").oneOf("both", "ingress", "egress"));
    }

    @Override
    public Set<String> targetProviders() {
        return Set.of(PodTargets.NAME, WorkloadTargets.NAME);
    }

    @Override
    public Optional<Compensation> plannedUndo(ActionRequest request) throws ProviderException {
        Target target = request.requireTarget();
        String key = key(request.context().runId(), target);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(NetworkRemovePolicy.NAMESPACE, target.attribute("namespace"));
        params.put(NetworkRemovePolicy.POLICY, POLICY_PREFIX + key);
        if (PodTargets.NAME.equals(target.provider())) {
            params.put(NetworkRemovePolicy.POD_LABEL, PARTITION_LABEL);
        }
        return Optional.of(new Compensation(NetworkRemovePolicy.NAME, Optional.of(target), params,
                "remove NetworkPolicy " + target.attribute("namespace") + "/" + POLICY_PREFIX + key));
    }

    @Override
    public ActionEffect apply(ActionRequest request) throws ProviderException {
        Target target = request.requireTarget();
        Cluster cluster = Cluster.of(request.context());
        String ns = target.attribute("namespace");
        String key = key(request.context().runId(), target);
        String direction = request.parameters().string("direction").orElse("both");
        Map<String, String> podSelector;
        if (PodTargets.NAME.equals(target.provider())) {
            PodRef pod = PodRef.of(target);
            String patch = "{\"metadata\":{\"labels\":{\"" + PARTITION_LABEL + "\":\"" + key + "\"}}}";
            ApiErrors.call("patch", "pods", ns, pod.name(),
                    () -> cluster.client().pods().inNamespace(ns).withName(pod.name()).patch(PatchContext.of(PatchType.JSON_MERGE), patch));
            podSelector = Map.of(PARTITION_LABEL, key);
        } else {
            podSelector = parseLabels(target.attribute("selector"));
            if (podSelector.isEmpty()) {
                throw new ProviderException(ProviderException.Kind.FAILED, target.id() + " has no matchLabels selector; cannot partition it with a NetworkPolicy");
            }
        }
        List<String> types = new ArrayList<>();
        if (!"egress".equals(direction)) {
            types.add("Ingress");
        }
        if (!"ingress".equals(direction)) {
            types.add("Egress");
        }
        NetworkPolicy policy = new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(POLICY_PREFIX + key)
                .withNamespace(ns)
                .addToLabels(SafetyLabels.RUN, SafetyLabels.runLabelValue(request.context().runId()))
                .addToLabels(SafetyLabels.MANAGED_BY, SafetyLabels.MANAGER)
                .addToAnnotations("andon.dev/target", target.id())
                .addToAnnotations("andon.dev/experiment", request.context().experimentName())
                .endMetadata()
                .withNewSpec()
                .withNewPodSelector().withMatchLabels(podSelector).endPodSelector()
                .withPolicyTypes(types)
                .endSpec()
                .build();
        ApiErrors.call("create", "networkpolicies", ns, policy.getMetadata().getName(),
                () -> cluster.client().network().v1().networkPolicies().inNamespace(ns).resource(policy).createOr(NonDeletingOperation::update));
        return new ActionEffect("partitioned " + target.id() + " (" + direction + ") with NetworkPolicy " + ns + "/" + policy.getMetadata().getName(),
                Map.of("policy", ns + "/" + policy.getMetadata().getName(), "direction", direction));
    }

    /** Short, stable per run and target, valid as a label value and in an object name. */
    static String key(String runId, Target target) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((runId + "|" + target.id()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static Map<String, String> parseLabels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text != null && !text.isBlank()) {
            for (String pair : text.split(",")) {
                int eq = pair.indexOf('=');
                labels.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return labels;
    }
}
