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
import dev.andon.k8s.target.LabelSelector;
import dev.andon.k8s.target.PagedList;
import dev.andon.k8s.target.PodFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * {@code k8s.pods.count}: how many pods match a selector in a namespace, in a phase, optionally Ready
 * only; reported as {@code value} for expectations such as {@code value: { atLeast: 3 }}. The pods are
 * watched through an informer for the whole run (its list paged like every other), narrowed on the
 * server by the selector's equality labels; the rest of the selector is applied here.
 */
public final class PodsCount implements Probe {

    public static final String NAME = "k8s.pods.count";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "number of pods matching a label selector, phase and readiness";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.optional("namespace", ParamType.STRING, "namespace (default: the connection's)"),
                ParamSpec.optional("labelSelector", ParamType.STRING, "label selector in kubectl syntax"),
                ParamSpec.optional("labels", ParamType.STRING_MAP, "labels that must all be present with these values"),
                ParamSpec.withDefault("phase", ParamType.STRING, "Running", "count only pods in this phase")
                        .oneOf("Running", "Pending", "Succeeded", "Failed", "Unknown", "Any"),
                ParamSpec.withDefault("readyOnly", ParamType.BOOLEAN, true, "count only pods whose Ready condition is True"));
    }

    @Override
    public List<String> check(Parameters parameters) {
        return LabelSelector.problems(parameters);
    }

    private static Map<String, String> equalityLabels(LabelSelector selector) {
        Map<String, String> equality = new TreeMap<>();
        for (LabelSelector.Requirement r : selector.requirements()) {
            if (r.operator() == LabelSelector.Operator.EQUALS) {
                equality.put(r.key(), r.values().iterator().next());
            }
        }
        return equality;
    }

    @Override
    public ProbeObservation observe(Parameters parameters, RunContext context) {
        Instant start = context.clock().instant();
        try {
            Cluster cluster = Cluster.of(context);
            String ns = parameters.string("namespace").orElse(cluster.defaultNamespace());
            LabelSelector labels = LabelSelector.of(parameters);
            String phase = parameters.string("phase").orElse("Running");
            boolean readyOnly = parameters.bool("readyOnly").orElse(true);
            Map<String, String> equality = equalityLabels(labels);
            ProbeInformers informers = context.shared(ProbeInformers.class, ProbeInformers::new);
            SharedIndexInformer<Pod> pods = informers.get("pods/" + ns + "/" + new TreeMap<>(equality), () -> ApiErrors.call("watch", "pods", ns, null,
                    () -> cluster.client().pods().inNamespace(ns).withLabels(equality).withLimit(cluster.pageSize()).inform()));
            AtomicInteger count = new AtomicInteger();
            PagedList.Each<Pod> counter = pod -> {
                boolean phaseOk = "Any".equals(phase) || phase.equals(PodFacts.phase(pod));
                if (labels.matches(pod.getMetadata().getLabels()) && phaseOk && !PodFacts.isTerminating(pod)
                        && (!readyOnly || PodFacts.isReady(pod))) {
                    count.incrementAndGet();
                }
            };
            if (pods.isWatching()) {
                for (Pod pod : pods.getStore().list()) {
                    counter.accept(pod);
                }
            } else {
                // the watch is reconnecting and the cache may be stale: read the pods directly this time
                PagedList.forEach(o -> cluster.client().pods().inNamespace(ns).list(o), labels.toQuery(), null, cluster.pageSize(), "pods", ns, counter);
            }
            return ProbeObservation.of(Map.of(ProbeObservation.VALUE, count.get()), WorkloadReady.elapsed(context, start));
        } catch (ProviderException e) {
            return ProbeObservation.failed(e.getMessage(), WorkloadReady.elapsed(context, start));
        }
    }
}
