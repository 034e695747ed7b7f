package dev.andon.k8s.target;

import java.util.Map;

/** The labels and annotations through which cluster owners opt in to chaos or protect objects from it. */
public final class SafetyLabels {

    /** Opt-in, on a pod, its workload or its namespace, as a label or annotation, with value {@code "true"}. */
    public static final String ENABLED = "andon.dev/enabled";
    /** Never a target, as a label or annotation, whatever its value except {@code "false"}. */
    public static final String PROTECTED = "andon.dev/protected";
    /** On every object Andon creates: the run that created it, so leftovers can be found and removed. */
    public static final String RUN = "andon.dev/run";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "andon";

    private SafetyLabels() {
    }

    public static boolean optedIn(Map<String, String> labels, Map<String, String> annotations) {
        return "true".equals(get(labels, ENABLED)) || "true".equals(get(annotations, ENABLED));
    }

    public static boolean isProtected(Map<String, String> labels, Map<String, String> annotations) {
        String l = get(labels, PROTECTED);
        String a = get(annotations, PROTECTED);
        return (l != null && !"false".equals(l)) || (a != null && !"false".equals(a));
    }

    /** A label value derived from the run id (label values allow at most 63 characters of [-A-Za-z0-9_.]). */
    public static String runLabelValue(String runId) {
        String v = runId.replaceAll("[^-A-Za-z0-9_.]", "-");
        v = v.length() > 63 ? v.substring(v.length() - 63) : v;
        return v.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    }

    private static String get(Map<String, String> map, String key) {
        return map == null ? null : map.get(key);
    }
}
