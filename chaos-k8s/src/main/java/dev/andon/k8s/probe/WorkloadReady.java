package dev.andon.k8s.probe;

import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Probe;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.RunContext;
import dev.andon.k8s.ApiErrors;
import dev.andon.k8s.Cluster;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code k8s.workload.ready}: whether a Deployment, StatefulSet or DaemonSet has at least its desired (or
 * {@code minReady}) ready replicas. Reports {@code value} (ready), {@code desired} and {@code ok}; with
 * {@code expect: { ok: true }} the hypothesis breaks while pods are missing and holds again once the
 * workload has recovered, which is what time to recovery measures.
 *
 * <p>The workload is watched through an informer for the whole run (see {@link ProbeInformers}), so a
 * continuous hypothesis costs one list and one watch, not a request per interval.
 */
public final class WorkloadReady implements Probe {

    public static final String NAME = "k8s.workload.ready";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ready replicas of a Deployment, StatefulSet or DaemonSet against desired or minReady";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.withDefault("kind", ParamType.STRING, "Deployment", "workload kind").oneOf("Deployment", "StatefulSet", "DaemonSet"),
                ParamSpec.required("workload", ParamType.STRING, "workload name"),
                ParamSpec.optional("namespace", ParamType.STRING, "namespace (default: the connection's)"),
                ParamSpec.optional("minReady", ParamType.INTEGER, "ready replicas needed (default: all desired)"));
    }

    @Override
    public ProbeObservation observe(Parameters parameters, RunContext context) {
        Instant start = context.clock().instant();
        try {
            Cluster cluster = Cluster.of(context);
            String kind = parameters.string("kind").orElse("Deployment");
            String name = parameters.requireString("workload");
            String ns = parameters.string("namespace").orElse(cluster.defaultNamespace());
            int[] readyAndDesired = readyAndDesired(cluster, context.shared(ProbeInformers.class, ProbeInformers::new), kind, ns, name);
            if (readyAndDesired == null) {
                return ProbeObservation.failed(kind + " " + ns + "/" + name + " not found", elapsed(context, start));
            }
            int ready = readyAndDesired[0];
            int desired = readyAndDesired[1];
            long needed = parameters.integer("minReady").orElse((long) desired);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(ProbeObservation.VALUE, ready);
            values.put("desired", desired);
            values.put(ProbeObservation.OK, ready >= needed);
            return ProbeObservation.of(values, elapsed(context, start));
        } catch (ProviderException e) {
            return ProbeObservation.failed(e.getMessage(), elapsed(context, start));
        }
    }

    private static int[] readyAndDesired(Cluster cluster, ProbeInformers informers, String kind, String ns, String name) throws ProviderException {
        var apps = cluster.client().apps();
        String key = kind + "/" + ns + "/" + name;
        return switch (kind) {
            case "StatefulSet" -> {
                StatefulSet s = current(informers.get(key, () -> ApiErrors.call("watch", "statefulsets", ns, name,
                        () -> apps.statefulSets().inNamespace(ns).withName(name).inform())),
                        () -> ApiErrors.call("get", "statefulsets", ns, name, () -> apps.statefulSets().inNamespace(ns).withName(name).get()));
                yield s == null ? null : new int[] {n(s.getStatus() == null ? null : s.getStatus().getReadyReplicas()), n(s.getSpec().getReplicas(), 1)};
            }
            case "DaemonSet" -> {
                DaemonSet d = current(informers.get(key, () -> ApiErrors.call("watch", "daemonsets", ns, name,
                        () -> apps.daemonSets().inNamespace(ns).withName(name).inform())),
                        () -> ApiErrors.call("get", "daemonsets", ns, name, () -> apps.daemonSets().inNamespace(ns).withName(name).get()));
                yield d == null ? null : d.getStatus() == null ? new int[] {0, 0}
                        : new int[] {n(d.getStatus().getNumberReady()), n(d.getStatus().getDesiredNumberScheduled())};
            }
            default -> {
                Deployment d = current(informers.get(key, () -> ApiErrors.call("watch", "deployments", ns, name,
                        () -> apps.deployments().inNamespace(ns).withName(name).inform())),
                        () -> ApiErrors.call("get", "deployments", ns, name, () -> apps.deployments().inNamespace(ns).withName(name).get()));
                yield d == null ? null : new int[] {n(d.getStatus() == null ? null : d.getStatus().getReadyReplicas()), n(d.getSpec().getReplicas(), 1)};
            }
        };
    }

    /** A read that may be refused. */
    @FunctionalInterface
    private interface Read<T> {
        T get() throws ProviderException;
    }

    /** The watched object, or a direct read while the watch is down (reconnecting) and the cache may be stale. */
    private static <T> T current(SharedIndexInformer<T> informer, Read<T> direct) throws ProviderException {
        if (!informer.isWatching()) {
            return direct.get();
        }
        List<T> items = informer.getStore().list();
        return items.isEmpty() ? null : items.get(0);
    }

    private static int n(Integer value) {
        return n(value, 0);
    }

    private static int n(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    static Duration elapsed(RunContext context, Instant start) {
        return Duration.between(start, context.clock().instant());
    }
}
