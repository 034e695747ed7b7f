package dev.andon.k8s.action;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ProviderException;
import dev.andon.k8s.Cluster;
import dev.andon.k8s.target.NodeTargets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code k8s.node.cordon}: marks a node unschedulable; undone by {@code k8s.node.uncordon}. */
public final class NodeCordon implements Action {

    public static final String NAME = "k8s.node.cordon";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "mark a node unschedulable (undo: k8s.node.uncordon)";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of();
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
        boolean cordoned = NodeCordoning.cordon(Cluster.of(request.context()), node, request.context().runId());
        return new ActionEffect(cordoned ? "cordoned node " + node : "node " + node + " was already cordoned by someone else; left as is",
                Map.of("node", node, "cordonedByAndon", cordoned));
    }
}
