package dev.andon.core.bench;

import dev.andon.core.engine.Selection;
import dev.andon.core.engine.TargetSelector;
import dev.andon.core.model.ExclusionRule;
import dev.andon.core.model.Safety;
import dev.andon.core.model.SelectionMode;
import dev.andon.core.model.TargetSet;
import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints how long the engine takes to pick count(5) out of 100,000 candidates (exclusion rules applied,
 * per-group limit on). Not a test: run it with
 * {@code ./mvnw -B -q -pl chaos-core test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.andon.core.bench.SelectionBenchmark}.
 */
public final class SelectionBenchmark {

    private static final int CANDIDATES = 100_000;
    private static final int WARMUP = 30;
    private static final int MEASURED = 100;

    private SelectionBenchmark() {
    }

    public static void main(String[] args) {
        List<Candidate> list = new ArrayList<>(CANDIDATES);
        for (int i = 0; i < CANDIDATES; i++) {
            Target t = new Target("bench", "pod-" + i, "shop/pod-" + i, "deployment-" + (i % 500),
                    i % 10 == 0 ? Map.of("tier", "db") : Map.of("tier", "web"), Map.of());
            list.add(i % 50 == 0 ? Candidate.excluded(t, "protected") : Candidate.eligible(t));
        }
        Candidates candidates = new Candidates(list, 1);
        TargetSet set = new TargetSet("pods", "bench", Parameters.empty(), SelectionMode.parse("count(5)").orElseThrow(),
                List.of(new ExclusionRule(List.of(), Optional.empty(), Map.of("tier", "db"), List.of())), Optional.of(1));
        TargetSelector selector = new TargetSelector();
        long[] nanos = new long[MEASURED];
        int picked = 0;
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            long start = System.nanoTime();
            Selection s = selector.select(set, candidates, Safety.DEFAULT, TargetSelector.randomFor(i, "pods"));
            long took = System.nanoTime() - start;
            picked += s.selected().size();
            if (i >= WARMUP) {
                nanos[i - WARMUP] = took;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("select count(5) of %,d candidates (1 exclusion rule, perGroup 1): median %.2f ms, p95 %.2f ms, max %.2f ms over %d runs (%d picks)%n",
                CANDIDATES, nanos[MEASURED / 2] / 1e6, nanos[(int) (MEASURED * 0.95)] / 1e6, nanos[MEASURED - 1] / 1e6, MEASURED, picked);
    }
}
