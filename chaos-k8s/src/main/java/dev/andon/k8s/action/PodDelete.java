package dev.andon.k8s.action;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.ProviderException;
import dev.andon.k8s.ApiErrors;
import dev.andon.k8s.Cluster;
import dev.andon.k8s.target.PodTargets;
import io.fabric8.kubernetes.api.model.StatusDetails;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code k8s.pod.delete}: deletes a pod, with the pod's own grace period unless one is given; {@code force}
 * deletes at once (grace period 0). There is no undo: the workload's controller replaces the pod, and how
 * long that takes is what the experiment measures.
 */
public final class PodDelete implements Action {

    public static final String NAME = "k8s.pod.delete";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "delete a pod (its controller is expected to replace it)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.optional("gracePeriod", ParamType.DURATION, "termination grace period (default: the pod's own)"),
                ParamSpec.withDefault("force", ParamType.BOOLEAN, false, "delete immediately, with grace period 0"));
    }

    @Override
    public List<String> check(dev.andon.core.spi.Parameters parameters) {
        if (parameters.flag("force") && parameters.duration("gracePeriod").filter(d -> !d.isZero()).isPresent()) {
            return List.of("force deletes with grace period 0; remove gracePeriod or force");
        }
        return List.of();
    }

    @Override
    public Set<String> targetProviders() {
        return Set.of(PodTargets.NAME);
    }

    @Override
    public ActionEffect apply(ActionRequest request) throws ProviderException {
        PodRef pod = PodRef.of(request.requireTarget());
        Cluster cluster = Cluster.of(request.context());
        Long grace = request.parameters().flag("force") ? Long.valueOf(0)
                : request.parameters().duration("gracePeriod").map(Duration::toSeconds).orElse(null);
        List<StatusDetails> deleted = ApiErrors.call("delete", "pods", pod.namespace(), pod.name(), () -> {
            var resource = cluster.client().pods().inNamespace(pod.namespace()).withName(pod.name());
            return grace == null ? resource.delete() : resource.withGracePeriod(grace).delete();
        });
        if (deleted.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.NOT_FOUND, "pod " + pod + " not found (it vanished after selection)");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pod", pod.toString());
        if (grace != null) {
            details.put("gracePeriodSeconds", grace);
        }
        return new ActionEffect("deleted pod " + pod + (grace == null ? "" : " (grace period " + grace + "s)"), details);
    }
}
