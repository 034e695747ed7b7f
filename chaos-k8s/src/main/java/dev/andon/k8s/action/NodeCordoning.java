package dev.andon.k8s.action;

import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.RunContext;
import dev.andon.core.spi.Target;
import dev.andon.k8s.ApiErrors;
import dev.andon.k8s.Cluster;
import dev.andon.k8s.target.SafetyLabels;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import java.util.Optional;

/**
 * Cordoning shared by cordon and drain. A cordon is marked with the run that made it
 * ({@value #CORDONED_BY}), so the undo only lifts Andon's own cordon: a node an operator had already
 * cordoned stays cordoned, and undoing twice is harmless.
 */
final class NodeCordoning {

    static final String CORDONED_BY = "andon.dev/cordoned-by";

    private NodeCordoning() {
    }

    static Node get(Cluster cluster, String node) throws ProviderException {
        Node found = ApiErrors.call("get", "nodes", null, node, () -> cluster.client().nodes().withName(node).get());
        if (found == null) {
            throw new ProviderException(ProviderException.Kind.NOT_FOUND, "node " + node + " not found (it vanished after selection)");
        }
        return found;
    }

    static boolean isCordoned(Node node) {
        return node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    }

    static Optional<String> cordonedBy(Node node) {
        Map<String, String> annotations = node.getMetadata().getAnnotations();
        return Optional.ofNullable(annotations == null ? null : annotations.get(CORDONED_BY));
    }

    /** The undo, or empty when someone else had already cordoned the node (then it is not Andon's to lift). */
    static Optional<Compensation> plannedUncordon(Target target, RunContext context) throws ProviderException {
        Node node = get(Cluster.of(context), target.id());
        if (isCordoned(node) && cordonedBy(node).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Compensation(NodeUncordon.NAME, Optional.of(target),
                Map.of(NodeUncordon.RUN, SafetyLabels.runLabelValue(context.runId())), "uncordon node " + target.id()));
    }

    /** Cordons the node; returns false when it was already cordoned by someone else (left untouched). */
    static boolean cordon(Cluster cluster, String node, String runId) throws ProviderException {
        Node current = get(cluster, node);
        if (isCordoned(current) && cordonedBy(current).isEmpty()) {
            return false;
        }
        String patch = "{\"spec\":{\"unschedulable\":true},\"metadata\":{\"annotations\":{\"" + CORDONED_BY + "\":\""
                + SafetyLabels.runLabelValue(runId) + "\"}}}";
        ApiErrors.call("patch", "nodes", null, node,
                () -> cluster.client().nodes().withName(node).patch(PatchContext.of(PatchType.JSON_MERGE), patch));
        return true;
    }
}
