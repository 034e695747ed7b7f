package dev.andon.k8s.target;

import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.RunContext;
import dev.andon.core.spi.Target;
import dev.andon.core.spi.TargetProvider;
import dev.andon.k8s.Cluster;
import dev.andon.k8s.SelfIdentity;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code k8s.node}: nodes matched by labels. Control-plane nodes, Andon's own node and protected nodes are
 * excluded; opt-in is off by default for nodes (a node fault is an infrastructure experiment whose owner
 * writes the selector), and can be required with {@code optIn: true}. The group is the node's zone, so
 * {@code perGroup: 1} means at most one node per zone.
 */
public final class NodeTargets implements TargetProvider {

    public static final String NAME = "k8s.node";
    public static final String ZONE_LABEL = "topology.kubernetes.io/zone";
    static final List<String> CONTROL_PLANE_LABELS = List.of("node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master");

    private final SelfIdentity self;

    public NodeTargets(SelfIdentity self) {
        this.self = self;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "nodes selected by labels; control-plane nodes and Andon's own node excluded";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.optional("labelSelector", ParamType.STRING, "label selector in kubectl syntax, set-based allowed"),
                ParamSpec.optional("labels", ParamType.STRING_MAP, "labels that must all be present with these values"),
                ParamSpec.withDefault("allowControlPlane", ParamType.BOOLEAN, false, "allow control-plane nodes as targets"),
                ParamSpec.withDefault("optIn", ParamType.BOOLEAN, false, "only nodes labelled andon.dev/enabled=true"));
    }

    @Override
    public List<String> check(Parameters parameters) {
        return LabelSelector.problems(parameters);
    }

    @Override
    public Candidates candidates(Parameters parameters, RunContext context) throws ProviderException {
        LabelSelector labels = LabelSelector.of(parameters);
        boolean allowControlPlane = parameters.bool("allowControlPlane").orElse(false);
        boolean optIn = parameters.bool("optIn").orElse(false);
        Cluster cluster = Cluster.of(context);
        List<Candidate> found = new ArrayList<>();
        int calls = PagedList.forEach(o -> cluster.client().nodes().list(o), labels.toQuery(), null, cluster.pageSize(), "nodes", null, node -> {
            if (labels.matches(node.getMetadata().getLabels())) {
                Target target = toTarget(node);
                found.add(exclusion(node, allowControlPlane, optIn).map(r -> Candidate.excluded(target, r)).orElseGet(() -> Candidate.eligible(target)));
            }
        });
        found.sort(Comparator.comparing(c -> c.target().id()));
        return new Candidates(found, calls);
    }

    private Optional<String> exclusion(Node node, boolean allowControlPlane, boolean optIn) {
        Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
        String name = node.getMetadata().getName();
        if (self.isOwnNode(name)) {
            return Optional.of("the node Andon runs on");
        }
        if (!allowControlPlane && CONTROL_PLANE_LABELS.stream().anyMatch(labels::containsKey)) {
            return Optional.of("control-plane node (set allowControlPlane: true to allow it)");
        }
        if (SafetyLabels.isProtected(labels, node.getMetadata().getAnnotations())) {
            return Optional.of("protected: the node carries " + SafetyLabels.PROTECTED);
        }
        if (optIn && !SafetyLabels.optedIn(labels, node.getMetadata().getAnnotations())) {
            return Optional.of("not opted in: label the node " + SafetyLabels.ENABLED + "=true (or set optIn: false)");
        }
        return Optional.empty();
    }

    static Target toTarget(Node node) {
        String name = node.getMetadata().getName();
        Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("node", name);
        attributes.put("unschedulable", Boolean.toString(node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())));
        boolean ready = node.getStatus() != null && node.getStatus().getConditions() != null
                && node.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        attributes.put("ready", Boolean.toString(ready));
        String zone = labels.get(ZONE_LABEL);
        if (zone != null) {
            attributes.put("zone", zone);
        }
        return new Target(NAME, name, name, zone == null ? name : "zone/" + zone, labels, attributes);
    }
}
