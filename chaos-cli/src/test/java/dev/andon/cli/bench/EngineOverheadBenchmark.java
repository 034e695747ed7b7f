package dev.andon.cli.bench;

import dev.andon.cli.fleet.PracticeFleet;
import dev.andon.core.engine.ExperimentRunner;
import dev.andon.core.engine.Phase;
import dev.andon.core.engine.ProbeSample;
import dev.andon.core.engine.RunListener;
import dev.andon.core.engine.RunOptions;
import dev.andon.core.engine.RunResult;
import dev.andon.core.engine.StopSignal;
import dev.andon.core.journal.JournalWriter;
import dev.andon.core.load.ExperimentLoader;
import dev.andon.core.load.Variables;
import dev.andon.core.model.Experiment;
import dev.andon.core.model.MethodStep;
import dev.andon.core.spi.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prints the engine's own time in the quickstart: run wall time minus the declared pauses, minus the
 * recovery wait, minus the time spent inside synchronous probes (before/after rounds). What is left is
 * listing processes, picking, journaling, signalling and thread hand-offs. Run with
 * {@code ./mvnw -B -q -pl chaos-cli -am test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.andon.cli.bench.EngineOverheadBenchmark}
 */
public final class EngineOverheadBenchmark {

    private static final int RUNS = 10;

    private EngineOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path quickstart = locate("experiments/local/quickstart.yaml");
        PluginRegistry registry = PluginRegistry.load();
        Path journals = Files.createTempDirectory("andon-bench");
        double[] overheadMs = new double[RUNS];
        double[] wallMs = new double[RUNS];
        try (PracticeFleet fleet = PracticeFleet.start(3, 0, PracticeFleet.DEFAULT_RESTART_DELAY)) {
            Experiment e = new ExperimentLoader(registry).load(quickstart, new Variables(
                    Map.of("port", String.valueOf(fleet.frontPort()), "fleet", fleet.id()), Map.of(), Map.of()));
            Duration pauses = e.method().stream().filter(s -> s instanceof MethodStep.Pause)
                    .map(s -> ((MethodStep.Pause) s).duration()).reduce(Duration.ZERO, Duration::plus);
            for (int i = 0; i < RUNS; i++) {
                waitForFullStrength(fleet);
                Timing timing = new Timing();
                RunOptions options = new RunOptions("bench-" + i, i, false, Map.of(), StopSignal.NEVER, "bench");
                RunResult r = new ExperimentRunner(registry, Clock.systemUTC()).run(e, options,
                        RunListener.all(List.of(new JournalWriter(journals.resolve("run-" + i + ".json")), timing)));
                double wall = r.duration().toNanos() / 1e6;
                double overhead = wall - pauses.toMillis() - timing.recoveryWaitMs() - timing.synchronousProbeMs;
                wallMs[i] = wall;
                overheadMs[i] = overhead;
                System.out.printf("run %d: %s, wall %.0f ms, overhead %.0f ms%n", i, r.outcome().spelling(), wall, overhead);
            }
        }
        Arrays.sort(overheadMs);
        Arrays.sort(wallMs);
        System.out.printf("quickstart engine overhead: median %.0f ms, max %.0f ms (wall median %.0f ms, %d runs)%n",
                overheadMs[RUNS / 2], overheadMs[RUNS - 1], wallMs[RUNS / 2], RUNS);
    }

    private static void waitForFullStrength(PracticeFleet fleet) throws InterruptedException {
        while (fleet.replicaPids().stream().anyMatch(pid -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true))) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
    }

    private static Path locate(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }

    /** Sums the time the run spends in probes it waits for, and the recovery wait. */
    private static final class Timing implements RunListener {
        private final List<Instant> phases = new ArrayList<>();
        private Instant recoveryStart;
        private Instant recoveryEnd;
        double synchronousProbeMs;

        @Override
        public void phaseStarted(Phase phase, Instant at) {
            phases.add(at);
            if (phase == Phase.RECOVERY) {
                recoveryStart = at;
            } else if (recoveryStart != null && recoveryEnd == null) {
                recoveryEnd = at;
            }
        }

        @Override
        public void probeSampled(ProbeSample s) {
            if (s.stage().equals("before") || s.stage().equals("after")) {
                synchronousProbeMs += s.latency().toNanos() / 1e6;
            }
        }

        double recoveryWaitMs() {
            return recoveryStart == null || recoveryEnd == null ? 0 : Duration.between(recoveryStart, recoveryEnd).toNanos() / 1e6;
        }
    }
}
