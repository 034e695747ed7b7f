package dev.andon.cli.run;

import dev.andon.core.engine.StopSignal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SIGINT and SIGTERM as a {@link StopSignal}: the run stops, its rollbacks run, the journal says
 * {@code interrupted}, and the command exits 130. A second Ctrl-C is ignored on purpose: leaving now would
 * leave faults in place.
 */
@SuppressWarnings("restriction")
final class SignalStop implements StopSignal, AutoCloseable {

    private final AtomicReference<Stop> stop = new AtomicReference<>();
    private final java.util.List<Restore> restores = new java.util.ArrayList<>();

    private record Restore(sun.misc.Signal signal, sun.misc.SignalHandler previous) {
    }

    static SignalStop install() {
        SignalStop s = new SignalStop();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal signal = new sun.misc.Signal(name);
                sun.misc.SignalHandler previous = sun.misc.Signal.handle(signal,
                        sig -> s.stop.compareAndSet(null, new Stop("interrupted by SIG" + sig.getName() + "; rolling back", true)));
                s.restores.add(new Restore(signal, previous));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // Not available on this platform: Ctrl-C then ends the JVM the ordinary way.
            }
        }
        return s;
    }

    @Override
    public Optional<Stop> poll() {
        return Optional.ofNullable(stop.get());
    }

    @Override
    public void close() {
        for (Restore r : restores) {
            sun.misc.Signal.handle(r.signal(), r.previous());
        }
    }
}
