package dev.andon.k8s.target;

import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code selector} of a {@code k8s.pod} target set, parsed once.
 *
 * @param namespaces    the namespaces named; empty means the connection's default namespace
 * @param allNamespaces {@code namespaces: ["*"]}
 * @param labels        labels, equality and set-based
 * @param fields        field selector
 * @param owner         only pods controlled (directly or through a ReplicaSet) by this workload
 * @param phase         the required phase, or empty for any
 * @param readyOnly     only pods whose Ready condition is True
 * @param optIn         only pods opted in on the pod, its workload or its namespace
 */
public record PodSelector(
        List<String> namespaces,
        boolean allNamespaces,
        LabelSelector labels,
        FieldSelector fields,
        Optional<String> owner,
        Optional<String> phase,
        boolean readyOnly,
        boolean optIn) {

    public static final String ALL = "*";
    public static final String ANY_PHASE = "Any";
    public static final String DEFAULT_PHASE = "Running";
    /** Namespaces that are never targets unless a selector names them. */
    public static final Set<String> SYSTEM_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease");

    public static List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.optional("namespaces", ParamType.STRING_LIST, "namespaces to look in; [\"*\"] for all (default: the connection's namespace)"),
                ParamSpec.optional("labelSelector", ParamType.STRING, "label selector in kubectl syntax, set-based allowed: app=shop,tier in (web,api),!legacy"),
                ParamSpec.optional("labels", ParamType.STRING_MAP, "labels that must all be present with these values"),
                ParamSpec.optional("fieldSelector", ParamType.STRING, "field selector, e.g. spec.nodeName=node-1"),
                ParamSpec.optional("owner", ParamType.STRING, "only pods of this workload: Deployment/name, StatefulSet/name, DaemonSet/name, ReplicaSet/name, Job/name"),
                ParamSpec.withDefault("phase", ParamType.STRING, DEFAULT_PHASE, "required pod phase")
                        .oneOf("Running", "Pending", "Succeeded", "Failed", "Unknown", ANY_PHASE),
                ParamSpec.withDefault("readyOnly", ParamType.BOOLEAN, false, "only pods whose Ready condition is True"),
                ParamSpec.withDefault("optIn", ParamType.BOOLEAN, true,
                        "only pods opted in with andon.dev/enabled=true on the pod, its workload or its namespace"));
    }

    public static List<String> check(Parameters p) {
        List<String> problems = new ArrayList<>();
        List<String> ns = p.stringList("namespaces");
        if (ns.contains(ALL) && ns.size() > 1) {
            problems.add("namespaces: \"*\" means all namespaces and cannot be combined with names " + ns);
        }
        problems.addAll(LabelSelector.problems(p));
        try {
            FieldSelector.parse(p.string("fieldSelector").orElse(null));
        } catch (IllegalArgumentException e) {
            problems.add("fieldSelector: " + e.getMessage());
        }
        p.string("owner").ifPresent(o -> {
            try {
                Workload.parse(o, "default");
            } catch (IllegalArgumentException e) {
                problems.add("owner: " + e.getMessage());
            }
        });
        return problems;
    }

    public static PodSelector from(Parameters p) {
        List<String> ns = p.stringList("namespaces");
        String phase = p.string("phase").orElse(DEFAULT_PHASE);
        return new PodSelector(
                ns.contains(ALL) ? List.of() : List.copyOf(ns),
                ns.contains(ALL),
                LabelSelector.of(p),
                FieldSelector.parse(p.string("fieldSelector").orElse(null)),
                p.string("owner"),
                ANY_PHASE.equals(phase) ? Optional.empty() : Optional.of(phase),
                p.bool("readyOnly").orElse(false),
                p.bool("optIn").orElse(true));
    }

    /** System namespaces are allowed only when the selector names them. */
    public boolean namesExplicitly(String namespace) {
        return namespaces.contains(namespace);
    }
}
