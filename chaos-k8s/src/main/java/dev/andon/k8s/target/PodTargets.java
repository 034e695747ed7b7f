package dev.andon.k8s.target;

import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.RunContext;
import dev.andon.core.spi.Target;
import dev.andon.core.spi.TargetProvider;
import dev.andon.k8s.Cluster;
import dev.andon.k8s.SelfIdentity;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code k8s.pod}: pods matched by namespace, labels (set-based too), fields and owner workload, each
 * with the reason it may never be hit: system namespace, Andon's own pod, protected, terminating, wrong
 * phase, not ready, not opted in. The group is the owning workload ({@code Deployment/shop/storefront}).
 */
public final class PodTargets implements TargetProvider {

    public static final String NAME = "k8s.pod";

    private final SelfIdentity self;

    public PodTargets(SelfIdentity self) {
        this.self = self;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "pods selected by namespace, labels, fields and owner workload; opt-in by default";
    }

    @Override
    public List<ParamSpec> parameters() {
        return PodSelector.parameters();
    }

    @Override
    public List<String> check(Parameters parameters) {
        return PodSelector.check(parameters);
    }

    @Override
    public Candidates candidates(Parameters parameters, RunContext context) throws ProviderException {
        PodSelector selector = PodSelector.from(parameters);
        Cluster cluster = Cluster.of(context);
        ClusterMetadata metadata = new ClusterMetadata(cluster);
        PodEligibility eligibility = new PodEligibility(selector, self, metadata);
        List<Candidate> found = new ArrayList<>();
        int calls = 0;
        for (String namespace : namespacesToList(selector, cluster)) {
            calls += listPods(cluster, selector, namespace, pod -> eligibility.evaluate(pod, cluster.defaultNamespace()).ifPresent(found::add));
        }
        found.sort(Comparator.comparing(c -> c.target().id()));
        return new Candidates(found, calls + metadata.apiCalls());
    }

    /** Null stands for "all namespaces". */
    private static List<String> namespacesToList(PodSelector selector, Cluster cluster) {
        if (selector.allNamespaces()) {
            List<String> all = new ArrayList<>();
            all.add(null);
            return all;
        }
        return selector.namespaces().isEmpty() ? List.of(cluster.defaultNamespace()) : selector.namespaces();
    }

    private static int listPods(Cluster cluster, PodSelector selector, String namespace, PagedList.Each<Pod> each)
            throws ProviderException {
        KubernetesClient c = cluster.client();
        return PagedList.forEach(
                options -> namespace == null ? c.pods().inAnyNamespace().list(options) : c.pods().inNamespace(namespace).list(options),
                selector.labels().toQuery(), selector.fields().toQuery(), cluster.pageSize(), "pods", namespace, each);
    }

    /** A pod as a target: id {@code namespace/name}, group its workload, attributes for actions and people. */
    static Target toTarget(Pod pod, Optional<Workload> workload) {
        String namespace = pod.getMetadata().getNamespace();
        String name = pod.getMetadata().getName();
        String id = namespace + "/" + name;
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("namespace", namespace);
        attributes.put("pod", name);
        put(attributes, "node", pod.getSpec() == null ? null : pod.getSpec().getNodeName());
        put(attributes, "phase", PodFacts.phase(pod));
        attributes.put("ready", Boolean.toString(PodFacts.isReady(pod)));
        put(attributes, "uid", pod.getMetadata().getUid());
        put(attributes, "podIP", pod.getStatus() == null ? null : pod.getStatus().getPodIP());
        workload.ifPresent(w -> {
            attributes.put("workload", w.id());
            attributes.put("workloadKind", w.kind());
            attributes.put("workloadName", w.name());
        });
        if (pod.getSpec() != null && pod.getSpec().getContainers() != null && !pod.getSpec().getContainers().isEmpty()) {
            attributes.put("containers", String.join(",", pod.getSpec().getContainers().stream().map(c -> c.getName()).toList()));
        }
        return new Target(NAME, id, name, workload.map(Workload::id).orElse("Pod/" + id), pod.getMetadata().getLabels(), attributes);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
