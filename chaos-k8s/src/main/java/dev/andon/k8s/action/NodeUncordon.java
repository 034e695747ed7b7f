package dev.andon.k8s.action;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.ProviderException;
import dev.andon.k8s.ApiErrors;
import dev.andon.k8s.Cluster;
import dev.andon.k8s.target.NodeTargets;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code k8s.node.uncordon}: makes a node schedulable again. With {@code run}, only a cordon made by that
 * run is lifted; a node that is gone, or not cordoned by that run, is left alone. Idempotent, so a
 * rollback after a crash may run it any number of times.
 */
public final class NodeUncordon implements Action {

    public static final String NAME = "k8s.node.uncordon";
    static final String RUN = "run";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "make a node schedulable again (only Andon's own cordon when run is given)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.optional(RUN, ParamType.STRING, "lift only a cordon made by this run"));
    }

    @Override
    public Set<String> targetProviders() {
        return Set.of(NodeTargets.NAME);
    }

    @Override
    public ActionEffect apply(ActionRequest request) throws ProviderException {
        String name = request.requireTarget().id();
        Cluster cluster = Cluster.of(request.context());
        Node node = ApiErrors.call("get", "nodes", null, name, () -> cluster.client().nodes().withName(name).get());
        if (node == null) {
            return ActionEffect.of("node " + name + " is gone; nothing to uncordon");
        }
        Optional<String> run = request.parameters().string(RUN);
        Optional<String> by = NodeCordoning.cordonedBy(node);
        if (run.isPresent() && !run.equals(by)) {
            return new ActionEffect("node " + name + " is not cordoned by run " + run.get() + "; left as is", Map.of("node", name));
        }
        // a JSON patch, built from what is there, removes the annotation outright on every server
        List<String> ops = new ArrayList<>();
        if (NodeCordoning.isCordoned(node)) {
            ops.add("{\"op\":\"replace\",\"path\":\"/spec/unschedulable\",\"value\":false}");
        }
        if (by.isPresent()) {
            ops.add("{\"op\":\"remove\",\"path\":\"/metadata/annotations/" + NodeCordoning.CORDONED_BY.replace("/", "~1") + "\"}");
        }
        if (ops.isEmpty()) {
            return new ActionEffect("node " + name + " is not cordoned; nothing to undo", Map.of("node", name));
        }
        String patch = "[" + String.join(",", ops) + "]";
        ApiErrors.call("patch", "nodes", null, name,
                () -> cluster.client().nodes().withName(name).patch(PatchContext.of(PatchType.JSON), patch));
        return new ActionEffect("uncordoned node " + name, Map.of("node", name));
    }
}
