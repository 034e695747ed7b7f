package dev.andon.k8s.probe;

import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.StopCondition;
import dev.andon.k8s.Cluster;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Warning events as a stop condition: with {@code spec.settings.k8s.stopOnWarnings: [BackOff]} every run
 * stops the moment a Warning event of one of those reasons appears (after the run began) in
 * {@code stopNamespace}. Read at most every {@code stopInterval}; the stop is latched; events that cannot
 * be read stop the run too, since a safety nobody can see is none.
 */
public final class WarningEventStop implements StopCondition {

    private final Cluster cluster;
    private final String namespace;
    private final List<String> reasons;
    private final Duration interval;
    private final Clock clock;
    private final Instant since;
    private Instant nextRead = Instant.MIN;
    private Optional<String> stop = Optional.empty();

    WarningEventStop(Cluster cluster, String namespace, List<String> reasons, Duration interval, Clock clock) {
        this.cluster = cluster;
        this.namespace = namespace;
        this.reasons = List.copyOf(reasons);
        this.interval = interval;
        this.clock = clock;
        this.since = clock.instant();
    }

    /** The stop condition the {@code k8s} settings ask for, or empty when they name no {@code stopOnWarnings}. */
    public static Optional<StopCondition> fromSettings(Parameters settings, Clock clock) throws ProviderException {
        List<String> reasons = settings.stringList(Cluster.STOP_ON_WARNINGS);
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        Cluster cluster = Cluster.connect(settings);
        String namespace = settings.string(Cluster.STOP_NAMESPACE).orElse(cluster.defaultNamespace());
        return Optional.of(new WarningEventStop(cluster, namespace, reasons,
                settings.duration(Cluster.STOP_INTERVAL).orElse(Cluster.DEFAULT_STOP_INTERVAL), clock));
    }

    @Override
    public synchronized Optional<String> reasonToStop() {
        Instant now = clock.instant();
        if (stop.isPresent() || now.isBefore(nextRead)) {
            return stop;
        }
        nextRead = now.plus(interval);
        try {
            List<Event> seen = WarningEvents.since(cluster, namespace, reasons, null, since);
            if (!seen.isEmpty()) {
                Event first = seen.get(0);
                String about = first.getInvolvedObject() == null ? "" : " on " + first.getInvolvedObject().getKind() + " "
                        + first.getInvolvedObject().getNamespace() + "/" + first.getInvolvedObject().getName();
                stop = Optional.of("stop condition: Warning event " + first.getReason() + about + " (k8s.stopOnWarnings)");
            }
        } catch (ProviderException e) {
            stop = Optional.of("stop condition unreadable, stopping to be safe: " + e.getMessage());
        }
        return stop;
    }

    @Override
    public void close() {
        cluster.client().close();
    }
}
