package dev.andon.core.local.bench;

import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.spi.TargetProvider;
import dev.andon.core.testing.SimpleRunContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long {@code local.process} takes to list candidates on this machine: every process ({@code .*}) and a
 * narrow regex. Prints the process count and median / p90 / max in milliseconds.
 *
 * <p>Run: see docs/benchmarks.md, section "Local adapter".
 */
public final class ProcessSelectionBenchmark {

    private static final int WARMUP = 10;
    private static final int ROUNDS = 50;

    private ProcessSelectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TargetProvider provider = PluginRegistry.load().provider("local.process").orElseThrow();
        SimpleRunContext context = new SimpleRunContext();
        System.out.printf(Locale.ROOT, "processes on this machine: %d, cores: %d%n",
                ProcessHandle.allProcesses().count(), Runtime.getRuntime().availableProcessors());
        for (String regex : List.of(".*", "fleet-replica")) {
            Parameters selector = Parameters.of(Map.of("commandMatches", regex));
            int matched = 0;
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < WARMUP + ROUNDS; i++) {
                long start = System.nanoTime();
                Candidates found = provider.candidates(selector, context);
                double elapsed = (System.nanoTime() - start) / 1e6;
                matched = found.candidates().size();
                if (i >= WARMUP) {
                    millis.add(elapsed);
                }
            }
            Collections.sort(millis);
            System.out.printf(Locale.ROOT, "candidates(commandMatches: %-15s matched %4d: median %.1f ms, p90 %.1f ms, max %.1f ms (%d rounds)%n",
                    "\"" + regex + "\")", matched, millis.get(ROUNDS / 2), millis.get(ROUNDS * 9 / 10), millis.get(ROUNDS - 1), ROUNDS);
        }
    }
}
