package dev.andon.k8s.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.engine.Selection;
import dev.andon.core.engine.TargetSelector;
import dev.andon.core.model.Safety;
import dev.andon.core.model.SelectionMode;
import dev.andon.core.model.TargetSet;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Target;
import dev.andon.k8s.support.MockCluster;
import dev.andon.k8s.support.Params;
import dev.andon.k8s.support.TestRunContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Randomized clusters (hundreds of pods over many namespaces, opt-in and protected labels and annotations
 * on pods, Deployments and namespaces, Andon's own pod) and random selectors, paged with random page
 * sizes. Each cluster comes from a seed printed in the test name; adding a failing seed to
 * {@link #RECORDED_SEEDS} replays it forever.
 */
class PodSelectionPropertyTest {

    private static final long[] RECORDED_SEEDS = {1, 42, 2026};
    private static final int GENERATED_CLUSTERS = 1;
    private static final int SELECTORS_PER_CLUSTER = 10;

    static Stream<Long> seeds() {
        long session = System.nanoTime();
        System.out.println("PodSelectionPropertyTest session seed: " + session);
        Random r = new Random(session);
        return Stream.concat(LongStream.of(RECORDED_SEEDS).boxed(), Stream.generate(r::nextLong).limit(GENERATED_CLUSTERS));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("never selects a system-namespace, unopted, protected or Andon's own pod, never exceeds the limits, and misses no eligible pod")
    void selectionIsSafe(long seed) throws Exception {
        Random random = new Random(seed);
        try (MockCluster cluster = new MockCluster()) {
            long started = System.nanoTime();
            GeneratedCluster truth = GeneratedCluster.generate(random, cluster.client());
            System.out.printf("seed %d: %d pods in %d namespaces generated in %d ms%n", seed, truth.pods.size(), truth.namespaces.size(),
                    (System.nanoTime() - started) / 1_000_000);
            PodTargets provider = new PodTargets(truth.self);
            for (int i = 0; i < SELECTORS_PER_CLUSTER; i++) {
                Map<String, Object> settings = new HashMap<>(cluster.settings());
                settings.put("pageSize", (long) (10 + random.nextInt(150)));
                Query q = Query.generate(random, truth);
                String ctx = "seed " + seed + ", selector " + i + ": " + q + ", self " + truth.self + ", pageSize " + settings.get("pageSize");
                try (TestRunContext context = new TestRunContext("run-" + i, settings, Clock.systemUTC())) {
                    Candidates found = provider.candidates(q.parameters(provider), context);
                    TargetSet set = new TargetSet("pods", PodTargets.NAME, Parameters.empty(), q.mode, List.of(), q.perGroup);
                    Safety safety = new Safety(q.maxTargets, Optional.empty(), false, true);
                    Selection selection = new TargetSelector().select(set, found, safety, TargetSelector.randomFor(seed + i, "pods"));

                    Map<String, GeneratedCluster.PodTruth> byId = truth.pods.stream().collect(Collectors.toMap(GeneratedCluster.PodTruth::id, p -> p));
                    for (Target t : selection.selected()) {
                        GeneratedCluster.PodTruth pod = byId.get(t.id());
                        assertThat(pod).as(ctx + " selected an unknown pod " + t.id()).isNotNull();
                        assertThat(!PodSelector.SYSTEM_NAMESPACES.contains(pod.namespace()) || q.namespaces.contains(pod.namespace()))
                                .as(ctx + " system namespace pod " + t.id()).isTrue();
                        assertThat(truth.isSelf(pod)).as(ctx + " Andon's own pod " + t.id()).isFalse();
                        assertThat(truth.isProtected(pod)).as(ctx + " protected pod " + t.id()).isFalse();
                        assertThat(!q.optIn || truth.optedIn(pod)).as(ctx + " unopted pod " + t.id()).isTrue();
                        assertThat(q.apps).as(ctx + " pod outside the label selector " + t.id()).contains(pod.app());
                    }
                    Map<String, Integer> perGroup = new HashMap<>();
                    selection.selected().forEach(t -> perGroup.merge(t.group(), 1, Integer::sum));
                    q.perGroup.ifPresent(limit -> assertThat(perGroup.values()).as(ctx + " per group").allMatch(n -> n <= limit));
                    q.maxTargets.ifPresent(max -> assertThat(selection.selected().size()).as(ctx + " maxTargets").isLessThanOrEqualTo(max));

                    Set<String> eligible = found.eligible().stream().map(Target::id).collect(Collectors.toSet());
                    Set<String> expected = truth.pods.stream().filter(p -> q.wouldHit(p, truth)).map(GeneratedCluster.PodTruth::id).collect(Collectors.toSet());
                    assertThat(eligible).as(ctx + " eligible set equals the ground truth; provider said " + found.candidates().stream().limit(8)
                            .map(c -> c.target().id() + ": " + c.exclusion().orElse("eligible")).toList()).isEqualTo(expected);
                }
            }
        }
    }

    /** A random selector and its limits, with the ground-truth meaning of each. */
    private record Query(List<String> namespaces, boolean all, Set<String> apps, boolean notIn, boolean optIn, boolean readyOnly,
                         SelectionMode mode, Optional<Integer> perGroup, Optional<Integer> maxTargets) {

        static Query generate(Random random, GeneratedCluster truth) {
            List<String> allNs = new ArrayList<>(truth.namespaces.keySet());
            allNs.sort(String::compareTo);
            boolean all = random.nextBoolean();
            List<String> ns = new ArrayList<>();
            if (!all) {
                for (String n : allNs) {
                    if (random.nextDouble() < 0.4) {
                        ns.add(n);
                    }
                }
                if (ns.isEmpty()) {
                    ns.add(allNs.get(random.nextInt(allNs.size())));
                }
            }
            List<String> apps = new ArrayList<>(GeneratedCluster.APPS);
            java.util.Collections.shuffle(apps, random);
            Set<String> chosen = Set.copyOf(apps.subList(0, 1 + random.nextInt(apps.size())));
            boolean notIn = random.nextBoolean();
            Set<String> matching = notIn
                    ? GeneratedCluster.APPS.stream().filter(a -> !chosen.contains(a)).collect(Collectors.toSet())
                    : chosen;
            SelectionMode mode = switch (random.nextInt(4)) {
                case 0 -> SelectionMode.ONE;
                case 1 -> SelectionMode.ALL;
                case 2 -> new SelectionMode(SelectionMode.Kind.COUNT, 1 + random.nextInt(20));
                default -> new SelectionMode(SelectionMode.Kind.PERCENT, 1 + random.nextInt(100));
            };
            return new Query(ns, all, notIn ? Set.copyOf(matching) : chosen, notIn, random.nextDouble() < 0.8, random.nextBoolean(), mode,
                    random.nextBoolean() ? Optional.of(1 + random.nextInt(2)) : Optional.empty(),
                    random.nextBoolean() ? Optional.of(1 + random.nextInt(30)) : Optional.empty());
        }

        Parameters parameters(PodTargets provider) {
            String values = String.join(",", (notIn ? GeneratedCluster.APPS.stream().filter(a -> !apps.contains(a)).sorted().toList()
                    : apps.stream().sorted().toList()));
            String labelSelector = values.isEmpty() ? "app" : "app " + (notIn ? "notin" : "in") + " (" + values + ")";
            return Params.of(provider, "namespaces", all ? List.of("*") : namespaces, "labelSelector", labelSelector,
                    "optIn", optIn, "readyOnly", readyOnly);
        }

        boolean wouldHit(GeneratedCluster.PodTruth pod, GeneratedCluster truth) {
            boolean inScope = all || namespaces.contains(pod.namespace());
            boolean system = PodSelector.SYSTEM_NAMESPACES.contains(pod.namespace()) && !namespaces.contains(pod.namespace());
            return inScope && apps.contains(pod.app()) && !system && !truth.isSelf(pod) && !truth.isProtected(pod)
                    && "Running".equals(pod.phase()) && (!readyOnly || pod.ready()) && (!optIn || truth.optedIn(pod));
        }
    }
}
