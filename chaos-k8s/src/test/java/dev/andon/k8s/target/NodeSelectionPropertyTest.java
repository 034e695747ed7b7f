package dev.andon.k8s.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Target;
import dev.andon.k8s.SelfIdentity;
import dev.andon.k8s.support.ClusterFixtures;
import dev.andon.k8s.support.MockCluster;
import dev.andon.k8s.support.Params;
import dev.andon.k8s.support.TestRunContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Random node fleets: control-plane, protected, opted-in and Andon's own node; seeds recorded as in the pod property test. */
class NodeSelectionPropertyTest {

    private static final long[] RECORDED_SEEDS = {3, 77};
    private static final int GENERATED = 2;

    static Stream<Long> seeds() {
        long session = System.nanoTime();
        System.out.println("NodeSelectionPropertyTest session seed: " + session);
        Random r = new Random(session);
        return Stream.concat(LongStream.of(RECORDED_SEEDS).boxed(), Stream.generate(r::nextLong).limit(GENERATED));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("never offers a control-plane node (unless allowed), a protected node, an unopted node under optIn, or the node Andon runs on")
    void nodeSafety(long seed) throws Exception {
        Random random = new Random(seed);
        try (MockCluster cluster = new MockCluster(); TestRunContext context = TestRunContext.on(cluster)) {
            ClusterFixtures fixtures = new ClusterFixtures(cluster.client());
            int count = 20 + random.nextInt(40);
            Set<String> controlPlane = new HashSet<>();
            Set<String> protectedNodes = new HashSet<>();
            Set<String> optedIn = new HashSet<>();
            for (int i = 0; i < count; i++) {
                String name = "node-" + i;
                Map<String, String> labels = new HashMap<>();
                labels.put("pool", random.nextBoolean() ? "general" : "gpu");
                if (random.nextDouble() < 0.15) {
                    labels.put(random.nextBoolean() ? "node-role.kubernetes.io/control-plane" : "node-role.kubernetes.io/master", "");
                    controlPlane.add(name);
                }
                if (random.nextDouble() < 0.15) {
                    labels.put(SafetyLabels.PROTECTED, "true");
                    protectedNodes.add(name);
                }
                if (random.nextDouble() < 0.5) {
                    labels.put(SafetyLabels.ENABLED, "true");
                    optedIn.add(name);
                }
                fixtures.node(name, labels);
            }
            String own = "node-" + random.nextInt(count);
            NodeTargets provider = new NodeTargets(SelfIdentity.pod("ops", "andon-0", own));
            for (int q = 0; q < 8; q++) {
                boolean allowControlPlane = random.nextBoolean();
                boolean optIn = random.nextBoolean();
                String pool = random.nextBoolean() ? "general" : "gpu";
                String ctx = "seed " + seed + " query " + q + " pool " + pool + " allowControlPlane " + allowControlPlane + " optIn " + optIn + " own " + own;

                Candidates found = provider.candidates(Params.of(provider, "labelSelector", "pool in (" + pool + ")",
                        "allowControlPlane", allowControlPlane, "optIn", optIn), context);

                Set<String> eligible = found.eligible().stream().map(Target::id).collect(Collectors.toSet());
                assertThat(eligible).as(ctx).doesNotContain(own);
                assertThat(eligible).as(ctx).doesNotContainAnyElementsOf(protectedNodes);
                if (!allowControlPlane) {
                    assertThat(eligible).as(ctx).doesNotContainAnyElementsOf(controlPlane);
                }
                if (optIn) {
                    assertThat(optedIn).as(ctx).containsAll(eligible);
                }
                assertThat(found.candidates()).as(ctx).allMatch(c -> pool.equals(c.target().labels().get("pool")));
            }
        }
    }
}
