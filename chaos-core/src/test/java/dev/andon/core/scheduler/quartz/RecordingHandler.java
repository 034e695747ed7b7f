package dev.andon.core.scheduler.quartz;

import dev.andon.core.scheduler.FiringHandler;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Notes every firing and miss with the node it happened on: the trigger machinery is what is under test. */
final class RecordingHandler implements FiringHandler {

    record Firing(String node, String schedule, Instant scheduledAt) {
    }

    private final String node;
    private final List<Firing> fired;
    private final List<Firing> missed;

    RecordingHandler(String node, List<Firing> fired, List<Firing> missed) {
        this.node = node;
        this.fired = fired;
        this.missed = missed;
    }

    static List<Firing> list() {
        return new CopyOnWriteArrayList<>();
    }

    @Override
    public void fired(String schedule, Instant scheduledAt) {
        fired.add(new Firing(node, schedule, scheduledAt));
    }

    @Override
    public void missed(String schedule, Instant scheduledAt) {
        missed.add(new Firing(node, schedule, scheduledAt));
    }
}
