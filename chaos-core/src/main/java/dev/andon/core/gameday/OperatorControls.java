package dev.andon.core.gameday;

import dev.andon.core.engine.StopSignal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the operator can do at any moment, from another thread: add a note, skip the current step, pull the
 * cord. The runner drains and checks these between its own polls (at least every 100 ms).
 */
public final class OperatorControls {

    private final Clock clock;
    private final ConcurrentLinkedQueue<GameDayEvent.Noted> notes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean skip = new AtomicBoolean();
    private final AtomicReference<String> halt = new AtomicReference<>();
    private volatile java.time.Instant haltedAt;

    public OperatorControls(Clock clock) {
        this.clock = clock;
    }

    /** A note timestamped now; the step number is filled in when the runner takes it. */
    public void note(String text) {
        note(text, "operator");
    }

    /** A note from somewhere else than the operator's keyboard, e.g. {@code fleet} for the practice fleet's supervisor. */
    public void note(String text, String source) {
        notes.add(new GameDayEvent.Noted(clock.instant(), 0, text.strip(), source));
    }

    /** Skips the current step: a running experiment stops and its rollbacks run. */
    public void skip() {
        skip.set(true);
    }

    /** Pulls the cord: the running experiment stops, its rollbacks run, no further step starts. */
    public void halt(String reason) {
        java.time.Instant now = clock.instant();
        if (halt.compareAndSet(null, reason)) {
            haltedAt = now;
        }
    }

    /** When the cord was pulled, once it was. */
    Optional<java.time.Instant> haltedAt() {
        return Optional.ofNullable(haltedAt);
    }

    public Optional<String> haltReason() {
        return Optional.ofNullable(halt.get());
    }

    boolean skipRequested() {
        return skip.get();
    }

    /** Clears a skip once the step it was meant for has ended. */
    void clearSkip() {
        skip.set(false);
    }

    List<GameDayEvent.Noted> drainNotes() {
        List<GameDayEvent.Noted> out = new ArrayList<>();
        for (GameDayEvent.Noted n; (n = notes.poll()) != null; ) {
            out.add(n);
        }
        return out;
    }

    /** A stop signal for the running experiment: the cord or a skip. */
    StopSignal asStopSignal() {
        return () -> {
            String reason = halt.get();
            if (reason != null) {
                return Optional.of(new StopSignal.Stop("game day halted: " + reason, false));
            }
            return skip.get() ? Optional.of(new StopSignal.Stop("step skipped by the operator", false)) : Optional.empty();
        };
    }
}
