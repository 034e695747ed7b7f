package dev.andon.k8s.probe;

import dev.andon.core.spi.ParamSpec;
import dev.andon.core.spi.ParamType;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Probe;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.RunContext;
import dev.andon.k8s.Cluster;
import dev.andon.k8s.target.PagedList;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code k8s.events}: Warning events in a namespace since the run began (the first time any part of the
 * run asked), optionally only of given reasons ({@code BackOff}, {@code FailedScheduling}, {@code Unhealthy})
 * or about one object. Reports {@code value} (the count), {@code reasons} and {@code ok} (none seen).
 */
public final class WarningEvents implements Probe {

    public static final String NAME = "k8s.events";

    /** When this run started looking at events; shared by every observation of the run. */
    record Since(Instant instant) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Warning events since the run began, optionally of given reasons";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.optional("namespace", ParamType.STRING, "namespace, or \"*\" for all (default: the connection's)"),
                ParamSpec.optional("reasons", ParamType.STRING_LIST, "count only these reasons, e.g. [BackOff, FailedScheduling]"),
                ParamSpec.optional("involvedName", ParamType.STRING, "count only events about objects of this name"));
    }

    @Override
    public ProbeObservation observe(Parameters parameters, RunContext context) {
        Instant start = context.clock().instant();
        Instant since = context.shared(Since.class, () -> new Since(start)).instant();
        try {
            Cluster cluster = Cluster.of(context);
            String ns = parameters.string("namespace").orElse(cluster.defaultNamespace());
            List<String> reasons = parameters.stringList("reasons");
            String involved = parameters.string("involvedName").orElse(null);
            List<String> seen = since(cluster, ns, reasons, involved, since).stream().map(Event::getReason).toList();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(ProbeObservation.VALUE, seen.size());
            values.put("reasons", String.join(",", new TreeSet<>(seen)));
            values.put(ProbeObservation.OK, seen.isEmpty());
            return ProbeObservation.of(values, WorkloadReady.elapsed(context, start));
        } catch (ProviderException e) {
            return ProbeObservation.failed(e.getMessage(), WorkloadReady.elapsed(context, start));
        }
    }

    /** Warning events in {@code namespace} ("*" for all) of the given reasons (any when empty) last seen at or after {@code since}. */
    static List<Event> since(Cluster cluster, String namespace, List<String> reasons, String involvedName, Instant since) throws ProviderException {
        boolean all = "*".equals(namespace);
        List<Event> seen = new ArrayList<>();
        PagedList.forEach(o -> all ? cluster.client().v1().events().inAnyNamespace().list(o) : cluster.client().v1().events().inNamespace(namespace).list(o),
                null, "type=Warning", cluster.pageSize(), "events", all ? null : namespace, e -> {
                    if ("Warning".equals(e.getType()) && (reasons.isEmpty() || reasons.contains(e.getReason()))
                            && (involvedName == null || (e.getInvolvedObject() != null && involvedName.equals(e.getInvolvedObject().getName())))
                            && !lastSeen(e).isBefore(since)) {
                        seen.add(e);
                    }
                });
        return seen;
    }

    private static Instant lastSeen(Event e) {
        for (String t : new String[] {e.getLastTimestamp(), e.getEventTime() == null ? null : e.getEventTime().getTime(), e.getFirstTimestamp(),
                e.getMetadata().getCreationTimestamp()}) {
            if (t != null && !t.isBlank()) {
                try {
                    return OffsetDateTime.parse(t).toInstant();
                } catch (java.time.format.DateTimeParseException ignored) {
                    // a malformed stamp on one field: try the next one
                }
            }
        }
        return Instant.EPOCH;
    }
}
