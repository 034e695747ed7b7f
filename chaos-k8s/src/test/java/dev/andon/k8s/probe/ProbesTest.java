package dev.andon.k8s.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.andon.core.spi.ProbeObservation;
import dev.andon.k8s.support.ClusterFixtures;
import dev.andon.k8s.support.MockCluster;
import dev.andon.k8s.support.Params;
import dev.andon.k8s.support.ReplicaSetController;
import dev.andon.k8s.support.TestRunContext;
import io.fabric8.kubernetes.api.model.EventBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProbesTest {

    private MockCluster cluster;
    private TestRunContext context;
    private ClusterFixtures fixtures;

    @BeforeEach
    void arrange() {
        cluster = new MockCluster();
        context = TestRunContext.on(cluster);
        fixtures = new ClusterFixtures(cluster.client());
        fixtures.namespace("shop", Map.of());
        fixtures.deployment("shop", "storefront", 3, Map.of(), "node-1");
    }

    @AfterEach
    void tearDown() throws Exception {
        context.close();
        cluster.close();
    }

    @Test
    @DisplayName("k8s.workload.ready breaks when a pod is deleted and holds again once the controller has replaced it")
    void readinessBreaksAndRecovers() throws Exception {
        WorkloadReady probe = new WorkloadReady();
        var all = Params.of(probe, "workload", "storefront");
        var two = Params.of(probe, "workload", "storefront", "minReady", 2);
        try (ReplicaSetController controller = new ReplicaSetController(cluster.client(), "shop", "storefront", Duration.ofMillis(700))) {
            assertThat(probe.observe(all, context).values()).containsEntry("value", 3).containsEntry("desired", 3).containsEntry("ok", true);

            cluster.client().pods().inNamespace("shop").withName("storefront-rs1-0").delete();

            await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.FALSE.equals(probe.observe(all, context).value("ok")));
            assertThat(probe.observe(two, context).value("ok")).isEqualTo(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(probe.observe(all, context).value("ok")));
            assertThat(controller.created()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("continuous probes read a watched cache: after the first observation, repeated ones make no API calls")
    void probesWatchInsteadOfPolling() {
        WorkloadReady ready = new WorkloadReady();
        PodsCount count = new PodsCount();
        var readyParams = Params.of(ready, "workload", "storefront");
        var countParams = Params.of(count, "labelSelector", "app=storefront,tier notin (db)");
        ready.observe(readyParams, context);
        count.observe(countParams, context);
        int afterFirst = cluster.requestCount();

        for (int i = 0; i < 20; i++) {
            assertThat(ready.observe(readyParams, context).value("ok")).isEqualTo(true);
            assertThat(count.observe(countParams, context).value("value")).isEqualTo(3);
        }

        assertThat(cluster.requestCount()).isEqualTo(afterFirst);
        assertThat(cluster.requestLog()).anySatisfy(r -> assertThat(r).contains("/deployments?").contains("watch=true"));
    }

    @Test
    @DisplayName("k8s.workload.ready reports a missing workload as an error, which fails the hypothesis")
    void missingWorkload() {
        WorkloadReady probe = new WorkloadReady();
        ProbeObservation o = probe.observe(Params.of(probe, "workload", "nope"), context);
        assertThat(o.error()).contains("Deployment shop/nope not found");
    }

    @Test
    @DisplayName("k8s.pods.count counts Running, Ready pods of a selector")
    void countsPods() {
        fixtures.pod("shop", "warming", null, Map.of("app", "storefront"), "Running", false, "node-1");
        fixtures.pod("shop", "pending", null, Map.of("app", "storefront"), "Pending", false, "node-1");
        PodsCount probe = new PodsCount();

        assertThat(probe.observe(Params.of(probe, "labelSelector", "app in (storefront)"), context).value("value")).isEqualTo(3);
        assertThat(probe.observe(Params.of(probe, "labels", Map.of("app", "storefront"), "readyOnly", false), context).value("value")).isEqualTo(4);
        assertThat(probe.observe(Params.of(probe, "labelSelector", "app", "phase", "Any", "readyOnly", false), context).value("value")).isEqualTo(5);
    }

    @Test
    @DisplayName("k8s.events counts only Warning events of the given reasons seen since the run began")
    void warningEvents() {
        WarningEvents probe = new WarningEvents();
        var backOff = Params.of(probe, "reasons", List.of("BackOff"));
        event("old", "Warning", "BackOff", Instant.now().minusSeconds(3600));
        assertThat(probe.observe(backOff, context).values()).containsEntry("value", 0).containsEntry("ok", true);

        event("new-backoff", "Warning", "BackOff", Instant.now().plusSeconds(1));
        event("new-normal", "Normal", "BackOff", Instant.now().plusSeconds(1));
        event("new-other", "Warning", "FailedMount", Instant.now().plusSeconds(1));

        assertThat(probe.observe(backOff, context).values()).containsEntry("value", 1).containsEntry("ok", false).containsEntry("reasons", "BackOff");
        assertThat(probe.observe(Params.of(probe), context).value("value")).isEqualTo(2);
    }

    private void event(String name, String type, String reason, Instant at) {
        cluster.client().v1().events().inNamespace("shop").resource(new EventBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
                .withType(type).withReason(reason).withLastTimestamp(at.toString())
                .withNewInvolvedObject().withKind("Pod").withName("storefront-rs1-0").withNamespace("shop").endInvolvedObject().build()).create();
    }
}
