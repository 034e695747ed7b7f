package dev.andon.core.store;

import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The child JVM of {@link CrashRecoveryTest}: starts a run recorded to the H2 store in {@code args[0]},
 * plans the undo of a fault on PID {@code args[1]}, injects it (SIGSTOP), says READY and waits to be
 * killed mid-method.
 */
final class CrashingRun {

    private CrashingRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        long victim = Long.parseLong(args[1]);
        String runId = args[2];
        Clock clock = Clock.systemUTC();
        StoreSession session = StoreSession.open(StoreConfig.h2(dataDir), NodeIdentity.current(), clock);
        RunListener recorder = session.recorder(Optional.empty());
        RunOptions options = new RunOptions(runId, 7L, false, null, session.cord(), "cli");
        recorder.runStarted(TestExperiments.named("freeze-sleeper"), options, clock.instant());
        // As the engine does: the undo is stored before the fault is injected.
        recorder.undoPlanned("u1", SignalUndo.localProcessResume(victim), clock.instant());
        SignalUndo.signal(victim, "STOP");
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
