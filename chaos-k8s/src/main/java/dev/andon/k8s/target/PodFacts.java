package dev.andon.k8s.target;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.LinkedHashMap;
import java.util.Map;

/** Facts read off a pod object the same way everywhere. */
public final class PodFacts {

    private PodFacts() {
    }

    public static String phase(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Unknown" : pod.getStatus().getPhase();
    }

    public static boolean isReady(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    public static boolean isTerminating(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() != null;
    }

    /** The fields a pod field selector may name that Andon re-checks itself. */
    public static Map<String, String> selectableFields(Pod pod) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("metadata.name", pod.getMetadata().getName());
        fields.put("metadata.namespace", pod.getMetadata().getNamespace());
        fields.put("spec.nodeName", pod.getSpec() == null || pod.getSpec().getNodeName() == null ? "" : pod.getSpec().getNodeName());
        fields.put("status.phase", phase(pod));
        return fields;
    }
}
