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
import dev.andon.k8s.ApiErrors;
import dev.andon.k8s.Cluster;
import dev.andon.k8s.SelfIdentity;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code k8s.workload}: Deployments or StatefulSets, for scaling and for partitioning a whole workload.
 * Same safety as pods: system namespaces only when named, protected label, opt-in on the workload or its
 * namespace by default, and never the workload Andon's own pod belongs to. Id and group are
 * {@code Kind/namespace/name}.
 */
public final class WorkloadTargets implements TargetProvider {

    public static final String NAME = "k8s.workload";

    private final SelfIdentity self;

    public WorkloadTargets(SelfIdentity self) {
        this.self = self;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Deployments or StatefulSets selected by namespace, name and labels; opt-in by default";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.withDefault("kind", ParamType.STRING, "Deployment", "workload kind").oneOf("Deployment", "StatefulSet"),
                ParamSpec.optional("namespaces", ParamType.STRING_LIST, "namespaces to look in (default: the connection's namespace)"),
                ParamSpec.optional("names", ParamType.STRING_LIST, "only workloads with these names"),
                ParamSpec.optional("labelSelector", ParamType.STRING, "label selector in kubectl syntax, set-based allowed"),
                ParamSpec.optional("labels", ParamType.STRING_MAP, "labels that must all be present with these values"),
                ParamSpec.withDefault("optIn", ParamType.BOOLEAN, true, "only workloads opted in with andon.dev/enabled=true on the workload or its namespace"));
    }

    @Override
    public List<String> check(Parameters parameters) {
        return LabelSelector.problems(parameters);
    }

    @Override
    public Candidates candidates(Parameters parameters, RunContext context) throws ProviderException {
        String kind = parameters.string("kind").orElse("Deployment");
        LabelSelector labels = LabelSelector.of(parameters);
        List<String> names = parameters.stringList("names");
        boolean optIn = parameters.bool("optIn").orElse(true);
        Cluster cluster = Cluster.of(context);
        List<String> namespaces = parameters.stringList("namespaces").isEmpty() ? List.of(cluster.defaultNamespace()) : parameters.stringList("namespaces");
        ClusterMetadata metadata = new ClusterMetadata(cluster);
        List<HasMetadata> listed = new ArrayList<>();
        int calls = 0;
        for (String ns : namespaces) {
            calls += "StatefulSet".equals(kind)
                    ? PagedList.forEach(o -> cluster.client().apps().statefulSets().inNamespace(ns).list(o), labels.toQuery(), null, cluster.pageSize(), "statefulsets", ns, listed::add)
                    : PagedList.forEach(o -> cluster.client().apps().deployments().inNamespace(ns).list(o), labels.toQuery(), null, cluster.pageSize(), "deployments", ns, listed::add);
        }
        Optional<Workload> own = ownWorkload(cluster, metadata);
        List<Candidate> found = new ArrayList<>();
        for (HasMetadata w : listed) {
            if (!labels.matches(w.getMetadata().getLabels()) || (!names.isEmpty() && !names.contains(w.getMetadata().getName()))
                    || !namespaces.contains(w.getMetadata().getNamespace())) {
                continue;
            }
            Target target = toTarget(w, kind);
            boolean andons = own.isPresent() && own.get().equals(new Workload(kind, w.getMetadata().getNamespace(), w.getMetadata().getName()));
            Optional<String> reason = andons ? Optional.of("the workload Andon's own pod belongs to") : exclusion(w, namespaces, optIn, metadata);
            found.add(reason.map(r -> Candidate.excluded(target, r)).orElseGet(() -> Candidate.eligible(target)));
        }
        found.sort(Comparator.comparing(c -> c.target().id()));
        return new Candidates(found, calls + metadata.apiCalls());
    }

    /** The workload of Andon's pod, when Andon runs in a pod whose namespace it knows. */
    private Optional<Workload> ownWorkload(Cluster cluster, ClusterMetadata metadata) throws ProviderException {
        if (self.podName().isEmpty() || self.podNamespace().isEmpty()) {
            return Optional.empty();
        }
        String ns = self.podNamespace().get();
        String name = self.podName().get();
        Pod pod = ApiErrors.call("get", "pods", ns, name, () -> cluster.client().pods().inNamespace(ns).withName(name).get());
        return pod == null ? Optional.empty() : metadata.workloadOf(ns, ClusterMetadata.controllerOf(pod.getMetadata()));
    }

    private static Optional<String> exclusion(HasMetadata w, List<String> named, boolean optIn, ClusterMetadata metadata) throws ProviderException {
        String ns = w.getMetadata().getNamespace();
        if (PodSelector.SYSTEM_NAMESPACES.contains(ns) && !named.contains(ns)) {
            return Optional.of("system namespace " + ns);
        }
        if (SafetyLabels.isProtected(w.getMetadata().getLabels(), w.getMetadata().getAnnotations())) {
            return Optional.of("protected: the workload carries " + SafetyLabels.PROTECTED);
        }
        ClusterMetadata.Meta nsMeta = metadata.namespace(ns);
        if (SafetyLabels.isProtected(nsMeta.labels(), nsMeta.annotations())) {
            return Optional.of("protected: namespace " + ns + " carries " + SafetyLabels.PROTECTED);
        }
        if (optIn && !SafetyLabels.optedIn(w.getMetadata().getLabels(), w.getMetadata().getAnnotations())
                && !SafetyLabels.optedIn(nsMeta.labels(), nsMeta.annotations())) {
            return Optional.of("not opted in: add " + SafetyLabels.ENABLED + "=\"true\" to the workload or namespace " + ns + " (or set optIn: false)");
        }
        return Optional.empty();
    }

    static Target toTarget(HasMetadata w, String kind) {
        String ns = w.getMetadata().getNamespace();
        String id = kind + "/" + ns + "/" + w.getMetadata().getName();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("kind", kind);
        attributes.put("namespace", ns);
        attributes.put("workload", w.getMetadata().getName());
        io.fabric8.kubernetes.api.model.LabelSelector selector = null;
        if (w instanceof Deployment d && d.getSpec() != null) {
            attributes.put("replicas", String.valueOf(d.getSpec().getReplicas()));
            selector = d.getSpec().getSelector();
        } else if (w instanceof StatefulSet s && s.getSpec() != null) {
            attributes.put("replicas", String.valueOf(s.getSpec().getReplicas()));
            selector = s.getSpec().getSelector();
        }
        if (selector != null && selector.getMatchLabels() != null) {
            attributes.put("selector", format(selector.getMatchLabels()));
        }
        return new Target(NAME, id, w.getMetadata().getName(), id, w.getMetadata().getLabels(), attributes);
    }

    private static String format(Map<String, String> labels) {
        return String.join(",", new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
