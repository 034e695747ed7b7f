package dev.andon.core.store;

import dev.andon.core.engine.StopSignal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The child JVM of {@link CordAcrossProcessesTest}: opens the H2 store in {@code args[0]} first (so it
 * serves the file to later processes, as a daemon does), says READY, polls the cord as the engine does,
 * and prints the stop's reason when the cord is pulled.
 */
final class CordWatcher {

    private CordWatcher() {
    }

    public static void main(String[] args) throws Exception {
        try (StoreSession session = StoreSession.open(StoreConfig.h2(Path.of(args[0])), NodeIdentity.current(), Clock.systemUTC())) {
            System.out.println("READY");
            System.out.flush();
            Optional<StopSignal.Stop> stop = Optional.empty();
            while (stop.isEmpty()) {
                Thread.sleep(100);
                stop = session.cord().poll();
            }
            System.out.println("STOPPED " + stop.get().reason());
            System.out.flush();
        }
    }
}
