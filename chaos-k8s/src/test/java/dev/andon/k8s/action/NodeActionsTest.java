package dev.andon.k8s.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import dev.andon.k8s.SelfIdentity;
import dev.andon.k8s.support.ClusterFixtures;
import dev.andon.k8s.support.MockCluster;
import dev.andon.k8s.support.Params;
import dev.andon.k8s.support.TestRunContext;
import dev.andon.k8s.target.NodeTargets;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NodeActionsTest {

    private MockCluster cluster;
    private ClusterFixtures fixtures;
    private TestRunContext context;

    @BeforeEach
    void arrange() {
        cluster = new MockCluster();
        fixtures = new ClusterFixtures(cluster.client());
        context = TestRunContext.on(cluster);
        fixtures.node("node-1", Map.of(NodeTargets.ZONE_LABEL, "eu-1a"));
        fixtures.node("node-2", Map.of(NodeTargets.ZONE_LABEL, "eu-1b"));
        fixtures.node("cp-1", Map.of("node-role.kubernetes.io/control-plane", ""));
    }

    @AfterEach
    void tearDown() throws Exception {
        context.close();
        cluster.close();
    }

    private Target node(String name) throws ProviderException {
        NodeTargets provider = new NodeTargets(SelfIdentity.NOWHERE);
        return provider.candidates(Params.of(provider, "allowControlPlane", true), context).candidates().stream()
                .map(c -> c.target()).filter(t -> t.id().equals(name)).findFirst().orElseThrow();
    }

    private ActionRequest request(Action action, Target target, Object... params) {
        return new ActionRequest(Optional.of(target), Params.of(action, params), context);
    }

    private ActionEffect undo(Compensation undo) throws ProviderException {
        Action action = new dev.andon.k8s.KubernetesPlugin(SelfIdentity.NOWHERE).actions().stream()
                .filter(a -> a.name().equals(undo.action())).findFirst().orElseThrow();
        Map<String, Object> params = new java.util.HashMap<>();
        action.parameters().forEach(s -> s.defaultValue().ifPresent(v -> params.put(s.name(), v)));
        params.putAll(undo.parameters());
        return action.apply(new ActionRequest(undo.target(), Parameters.of(params), context));
    }

    private boolean cordoned(String name) {
        Node n = cluster.client().nodes().withName(name).get();
        return n.getSpec() != null && Boolean.TRUE.equals(n.getSpec().getUnschedulable());
    }

    @Test
    @DisplayName("control-plane nodes and Andon's own node are excluded; nodes are grouped by zone")
    void nodeSafety() throws Exception {
        NodeTargets provider = new NodeTargets(SelfIdentity.pod("ops", "andon-0", "node-2"));

        var found = provider.candidates(Params.of(provider), context);

        assertThat(found.eligible()).extracting(Target::id).containsExactly("node-1");
        assertThat(found.eligible().get(0).group()).isEqualTo("zone/eu-1a");
        assertThat(found.candidates()).anySatisfy(c -> {
            assertThat(c.target().id()).isEqualTo("cp-1");
            assertThat(c.exclusion()).contains("control-plane node (set allowControlPlane: true to allow it)");
        }).anySatisfy(c -> {
            assertThat(c.target().id()).isEqualTo("node-2");
            assertThat(c.exclusion()).contains("the node Andon runs on");
        });
    }

    @Test
    @DisplayName("cordon marks the node unschedulable; its undo, run twice, uncordons once and harmlessly")
    void cordonAndUndo() throws Exception {
        NodeCordon cordon = new NodeCordon();
        Target node = node("node-1");
        Compensation undo = cordon.plannedUndo(request(cordon, node)).orElseThrow();

        cordon.apply(request(cordon, node));
        assertThat(cordoned("node-1")).isTrue();

        assertThat(undo.action()).isEqualTo("k8s.node.uncordon");
        assertThat(undo(undo).summary()).isEqualTo("uncordoned node node-1");
        assertThat(cordoned("node-1")).isFalse();
        assertThat(cluster.client().nodes().withName("node-1").get().getMetadata().getAnnotations()).doesNotContainKey("andon.dev/cordoned-by");
        assertThat(undo(undo).summary()).contains("not cordoned by run");
        assertThat(cordoned("node-1")).isFalse();
    }

    @Test
    @DisplayName("a node an operator had already cordoned is left cordoned: no undo is planned and the cordon is not taken over")
    void foreignCordon() throws Exception {
        cluster.client().nodes().withName("node-1").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"unschedulable\":true}}");
        NodeCordon cordon = new NodeCordon();
        Target node = node("node-1");

        assertThat(cordon.plannedUndo(request(cordon, node))).isEmpty();
        assertThat(cordon.apply(request(cordon, node)).summary()).contains("already cordoned by someone else");
        assertThat(cordoned("node-1")).isTrue();
    }

    @Test
    @DisplayName("drain evicts the node's pods through the Eviction API, leaves DaemonSet pods and other nodes alone")
    void drains() throws Exception {
        fixtures.namespace("shop", Map.of());
        fixtures.deployment("shop", "storefront", 2, Map.of(), "node-1");
        fixtures.deployment("shop", "cart", 1, Map.of(), "node-2");
        cluster.client().pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName("log-agent").withNamespace("shop")
                .withOwnerReferences(new OwnerReferenceBuilder().withKind("DaemonSet").withName("log-agent").withController(true).build()).endMetadata()
                .withNewSpec().withNodeName("node-1").endSpec().withNewStatus().withPhase("Running").endStatus().build()).create();
        NodeDrain drain = new NodeDrain(SelfIdentity.NOWHERE);
        Target node = node("node-1");
        Compensation undo = drain.plannedUndo(request(drain, node)).orElseThrow();

        ActionEffect effect = drain.apply(request(drain, node, "retryInterval", Duration.ofMillis(50)));

        assertThat(effect.details().get("evicted")).isEqualTo(List.of("shop/storefront-rs1-0", "shop/storefront-rs1-1"));
        assertThat(cluster.requestLog()).filteredOn(r -> r.contains("/eviction")).hasSize(2);
        assertThat(cluster.client().pods().inNamespace("shop").list().getItems()).extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrder("cart-rs1-0", "log-agent");
        assertThat(cordoned("node-1")).isTrue();
        undo(undo);
        assertThat(cordoned("node-1")).isFalse();
    }

    @Test
    @DisplayName("drain never evicts Andon's own pod, even when its node was not known to be Andon's")
    void drainSparesAndon() throws Exception {
        fixtures.namespace("ops", Map.of());
        fixtures.deployment("ops", "andon", 1, Map.of(), "node-1");
        fixtures.deployment("ops", "web", 1, Map.of(), "node-1");
        NodeDrain drain = new NodeDrain(new SelfIdentity(Optional.of("andon-rs1-0"), Optional.of("ops"), Optional.empty()));

        drain.apply(request(drain, node("node-1"), "retryInterval", Duration.ofMillis(20)));

        assertThat(cluster.client().pods().inNamespace("ops").list().getItems()).extracting(p -> p.getMetadata().getName())
                .containsExactly("andon-rs1-0");
    }

    @Test
    @DisplayName("drain retries evictions a PodDisruptionBudget refuses, and succeeds once the budget allows them")
    void respectsDisruptionBudget() throws Exception {
        fixtures.namespace("shop", Map.of());
        fixtures.deployment("shop", "storefront", 1, Map.of(), "node-1");
        cluster.refuseEvictions("shop", "storefront-rs1-0", 2);
        NodeDrain drain = new NodeDrain(SelfIdentity.NOWHERE);

        drain.apply(request(drain, node("node-1"), "retryInterval", Duration.ofMillis(20)));

        assertThat(cluster.requestLog()).filteredOn(r -> r.contains("storefront-rs1-0/eviction")).hasSize(3);
        assertThat(cluster.client().pods().inNamespace("shop").withName("storefront-rs1-0").get()).isNull();
    }

    @Test
    @DisplayName("drain gives up at the timeout naming the pods a disruption budget kept, and leaves the cordon for the rollback")
    void drainTimeout() throws Exception {
        fixtures.namespace("shop", Map.of());
        fixtures.deployment("shop", "storefront", 1, Map.of(), "node-1");
        cluster.refuseEvictions("shop", "storefront-rs1-0", Integer.MAX_VALUE);
        NodeDrain drain = new NodeDrain(SelfIdentity.NOWHERE);

        assertThatThrownBy(() -> drain.apply(request(drain, node("node-1"), "timeout", Duration.ofMillis(300), "retryInterval", Duration.ofMillis(50))))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("drain of node node-1 stopped with 1 pods not evicted")
                .hasMessageContaining("shop/storefront-rs1-0");
        assertThat(cordoned("node-1")).isTrue();
    }
}
