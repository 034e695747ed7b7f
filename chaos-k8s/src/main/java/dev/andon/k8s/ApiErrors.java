package dev.andon.k8s;

import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.ProviderException.Kind;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Turns the client's failures into one line a user can act on: what was refused, where, and which RBAC
 * verb on which resource is missing.
 */
public final class ApiErrors {

    /** A call to the API server that may fail with the client's unchecked exception. */
    @FunctionalInterface
    public interface ApiCall<T> {
        T run();
    }

    private ApiErrors() {
    }

    /**
     * Runs {@code call}, translating a failure into a {@link ProviderException}.
     *
     * @param verb      the RBAC verb the call needs ({@code list}, {@code delete}, {@code create} ...)
     * @param resource  the RBAC resource ({@code pods}, {@code pods/eviction}, {@code deployments})
     * @param namespace the namespace, or null for cluster-scoped resources and all namespaces
     * @param name      the object's name, or null for lists
     */
    public static <T> T call(String verb, String resource, String namespace, String name, ApiCall<T> call) throws ProviderException {
        try {
            return call.run();
        } catch (KubernetesClientException e) {
            throw translate(e, verb, resource, namespace, name);
        }
    }

    public static ProviderException translate(KubernetesClientException e, String verb, String resource, String namespace, String name) {
        String where = namespace == null ? (name == null ? " cluster-wide" : "") : " in namespace " + namespace;
        String object = resource + (name == null ? "" : " " + (namespace == null ? "" : namespace + "/") + name);
        return switch (e.getCode()) {
            case 401 -> new ProviderException(Kind.FORBIDDEN,
                    "unauthorized: the API server rejected Andon's credentials while trying to " + verb + " " + object
                            + " (check k8s.kubeconfig / k8s.context, or the service account token)", e);
            case 403 -> new ProviderException(Kind.FORBIDDEN,
                    "forbidden: cannot " + verb + " " + resource + where + " (RBAC: verb '" + verb + "' on '" + resource + "'"
                            + "; see deploy/kubernetes/rbac.yaml)", e);
            case 404 -> new ProviderException(Kind.NOT_FOUND, object + " not found" + (name == null ? where : " (it vanished after selection)"), e);
            case 429 -> new ProviderException(Kind.THROTTLED, "the API server throttled " + verb + " " + object + where + ": " + reason(e), e);
            case 0 -> new ProviderException(Kind.UNAVAILABLE, "cannot reach the Kubernetes API to " + verb + " " + object + ": " + rootMessage(e)
                    + " (check k8s.kubeconfig, k8s.context or k8s.masterUrl)", e);
            default -> new ProviderException(Kind.FAILED, "cannot " + verb + " " + object + where + ": HTTP " + e.getCode() + " " + reason(e), e);
        };
    }

    private static String reason(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getStatus().getMessage();
        }
        return rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
