package dev.andon.k8s.target;

/**
 * A pod's controlling workload, resolved through owner references (a ReplicaSet owned by a Deployment
 * resolves to the Deployment). Its {@link #id()} is the group used for per-group limits.
 */
public record Workload(String kind, String namespace, String name) {

    public String id() {
        return kind + "/" + namespace + "/" + name;
    }

    /** Parses {@code Kind/name} (namespace from the pod) or {@code Kind/namespace/name}. */
    public static Workload parse(String text, String defaultNamespace) {
        String[] parts = text.split("/");
        if (parts.length == 2) {
            return new Workload(parts[0], defaultNamespace, parts[1]);
        }
        if (parts.length == 3) {
            return new Workload(parts[0], parts[1], parts[2]);
        }
        throw new IllegalArgumentException("'" + text + "' is not a workload; write Kind/name, e.g. Deployment/storefront");
    }
}
