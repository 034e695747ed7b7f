package dev.andon.k8s;

import java.util.Map;
import java.util.Optional;

/**
 * Where Andon itself runs, so that it never kills its own pod or drains its own node.
 *
 * <p>Read from the downward API ({@code POD_NAME}, {@code POD_NAMESPACE}, {@code NODE_NAME}, see
 * deploy/kubernetes/rbac.yaml) and, for the pod name, from {@code HOSTNAME}, which Kubernetes sets to the
 * pod's name. Passed to the plugin rather than read inside it, so tests can say "Andon is this pod".
 *
 * @param podName      Andon's pod, if it runs in one
 * @param podNamespace its namespace; when unknown, a pod of that name in any namespace is treated as Andon's
 * @param nodeName     the node Andon's pod runs on
 */
public record SelfIdentity(Optional<String> podName, Optional<String> podNamespace, Optional<String> nodeName) {

    public static final SelfIdentity NOWHERE = new SelfIdentity(Optional.empty(), Optional.empty(), Optional.empty());

    public static SelfIdentity fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public static SelfIdentity fromEnvironment(Map<String, String> env) {
        Optional<String> pod = nonBlank(env.get("POD_NAME")).or(() -> nonBlank(env.get("HOSTNAME")));
        return new SelfIdentity(pod, nonBlank(env.get("POD_NAMESPACE")), nonBlank(env.get("NODE_NAME")));
    }

    public static SelfIdentity pod(String namespace, String name, String node) {
        return new SelfIdentity(Optional.of(name), Optional.of(namespace), Optional.ofNullable(node));
    }

    public boolean isSelf(String namespace, String pod) {
        return podName.isPresent() && podName.get().equals(pod) && podNamespace.map(namespace::equals).orElse(true);
    }

    public boolean isOwnNode(String node) {
        return nodeName.isPresent() && nodeName.get().equals(node);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
