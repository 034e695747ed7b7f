package dev.andon.k8s.target;

import dev.andon.core.spi.ProviderException;
import dev.andon.k8s.ApiErrors;
import dev.andon.k8s.Cluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What selection needs to know beyond the pods themselves: owners, and the labels and annotations of
 * workloads and namespaces. Workloads are listed once per namespace and kind (paged) and only their
 * metadata is kept, so a listing of tens of thousands of pods costs a handful of extra calls.
 */
final class ClusterMetadata {

    /** The little Andon keeps of an object. */
    record Meta(Map<String, String> labels, Map<String, String> annotations, Optional<OwnerReference> controller) {
        static final Meta ABSENT = new Meta(Map.of(), Map.of(), Optional.empty());

        static Meta of(ObjectMeta m) {
            return new Meta(
                    m.getLabels() == null ? Map.of() : Map.copyOf(m.getLabels()),
                    m.getAnnotations() == null ? Map.of() : Map.copyOf(m.getAnnotations()),
                    controllerOf(m));
        }
    }

    private final Cluster cluster;
    private final Map<String, Map<String, Meta>> byNamespaceAndKind = new HashMap<>();
    private final Map<String, Meta> namespaces = new HashMap<>();
    private int apiCalls;

    ClusterMetadata(Cluster cluster) {
        this.cluster = cluster;
    }

    int apiCalls() {
        return apiCalls;
    }

    static Optional<OwnerReference> controllerOf(ObjectMeta meta) {
        List<OwnerReference> refs = meta.getOwnerReferences();
        if (refs == null || refs.isEmpty()) {
            return Optional.empty();
        }
        return refs.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst().or(() -> Optional.of(refs.get(0)));
    }

    /** The workload that ultimately controls an object with this controller reference, or empty for a bare pod. */
    Optional<Workload> workloadOf(String namespace, Optional<OwnerReference> controller) throws ProviderException {
        if (controller.isEmpty()) {
            return Optional.empty();
        }
        OwnerReference ref = controller.get();
        if ("ReplicaSet".equals(ref.getKind())) {
            Meta rs = meta(new Workload("ReplicaSet", namespace, ref.getName()));
            if (rs.controller().isPresent() && "Deployment".equals(rs.controller().get().getKind())) {
                return Optional.of(new Workload("Deployment", namespace, rs.controller().get().getName()));
            }
        }
        return Optional.of(new Workload(ref.getKind(), namespace, ref.getName()));
    }

    /** A workload's metadata; {@link Meta#ABSENT} for kinds Andon does not list or objects that are gone. */
    Meta meta(Workload workload) throws ProviderException {
        Map<String, Meta> index = byNamespaceAndKind.get(workload.namespace() + "/" + workload.kind());
        if (index == null) {
            index = list(workload.kind(), workload.namespace());
            byNamespaceAndKind.put(workload.namespace() + "/" + workload.kind(), index);
        }
        return index.getOrDefault(workload.name(), Meta.ABSENT);
    }

    Meta namespace(String name) throws ProviderException {
        Meta cached = namespaces.get(name);
        if (cached != null) {
            return cached;
        }
        KubernetesClient client = cluster.client();
        Namespace ns = ApiErrors.call("get", "namespaces", null, name, () -> client.namespaces().withName(name).get());
        apiCalls++;
        Meta meta = ns == null ? Meta.ABSENT : Meta.of(ns.getMetadata());
        namespaces.put(name, meta);
        return meta;
    }

    private Map<String, Meta> list(String kind, String namespace) throws ProviderException {
        KubernetesClient c = cluster.client();
        return switch (kind) {
            case "ReplicaSet" -> index(o -> c.apps().replicaSets().inNamespace(namespace).list(o), "replicasets", namespace);
            case "Deployment" -> index(o -> c.apps().deployments().inNamespace(namespace).list(o), "deployments", namespace);
            case "StatefulSet" -> index(o -> c.apps().statefulSets().inNamespace(namespace).list(o), "statefulsets", namespace);
            case "DaemonSet" -> index(o -> c.apps().daemonSets().inNamespace(namespace).list(o), "daemonsets", namespace);
            case "Job" -> index(o -> c.batch().v1().jobs().inNamespace(namespace).list(o), "jobs", namespace);
            default -> Map.of();
        };
    }

    private <T extends HasMetadata> Map<String, Meta> index(
            Function<ListOptions, ? extends KubernetesResourceList<T>> lister, String resource, String namespace) throws ProviderException {
        Map<String, Meta> index = new HashMap<>();
        apiCalls += PagedList.forEach(lister, null, null, cluster.pageSize(), resource, namespace,
                o -> index.put(o.getMetadata().getName(), Meta.of(o.getMetadata())));
        return index;
    }
}
