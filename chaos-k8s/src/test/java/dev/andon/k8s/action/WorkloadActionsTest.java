package dev.andon.k8s.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import dev.andon.k8s.KubernetesPlugin;
import dev.andon.k8s.SelfIdentity;
import dev.andon.k8s.support.ClusterFixtures;
import dev.andon.k8s.support.MockCluster;
import dev.andon.k8s.support.Params;
import dev.andon.k8s.support.TestRunContext;
import dev.andon.k8s.target.PodTargets;
import dev.andon.k8s.target.SafetyLabels;
import dev.andon.k8s.target.WorkloadTargets;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkloadActionsTest {

    private MockCluster cluster;
    private TestRunContext context;

    @BeforeEach
    void arrange() {
        cluster = new MockCluster();
        context = TestRunContext.on(cluster);
        ClusterFixtures fixtures = new ClusterFixtures(cluster.client());
        fixtures.namespace("shop", Map.of(SafetyLabels.ENABLED, "true"));
        fixtures.deployment("shop", "storefront", 3, Map.of(), "node-1");
        fixtures.deployment("shop", "vault", 1, Map.of(SafetyLabels.PROTECTED, "true"), "node-1");
    }

    @AfterEach
    void tearDown() throws Exception {
        context.close();
        cluster.close();
    }

    private Target workload(String id) throws ProviderException {
        WorkloadTargets provider = new WorkloadTargets(SelfIdentity.NOWHERE);
        return provider.candidates(Params.of(provider), context).eligible().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private Target pod(String id) throws ProviderException {
        PodTargets provider = new PodTargets(SelfIdentity.NOWHERE);
        return provider.candidates(Params.of(provider), context).eligible().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private ActionRequest request(Action action, Target target, Object... params) {
        return new ActionRequest(Optional.of(target), Params.of(action, params), context);
    }

    private ActionEffect undo(Compensation undo) throws ProviderException {
        Action action = new KubernetesPlugin(SelfIdentity.NOWHERE).actions().stream().filter(a -> a.name().equals(undo.action())).findFirst().orElseThrow();
        Map<String, Object> params = new HashMap<>();
        action.parameters().forEach(s -> s.defaultValue().ifPresent(v -> params.put(s.name(), v)));
        params.putAll(undo.parameters());
        return action.apply(new ActionRequest(undo.target(), Parameters.of(params), context));
    }

    private int replicas() {
        return cluster.client().apps().deployments().inNamespace("shop").withName("storefront").get().getSpec().getReplicas();
    }

    @Test
    @DisplayName("k8s.workload lists Deployments with the workload's selector, and keeps protected ones out")
    void workloadTargets() throws Exception {
        WorkloadTargets provider = new WorkloadTargets(SelfIdentity.NOWHERE);

        var found = provider.candidates(Params.of(provider), context);

        assertThat(found.eligible()).extracting(Target::id).containsExactly("Deployment/shop/storefront");
        assertThat(found.eligible().get(0).attribute("selector")).isEqualTo("app=storefront");
        assertThat(found.candidates()).filteredOn(c -> !c.isEligible()).singleElement()
                .satisfies(c -> assertThat(c.exclusion()).contains("protected: the workload carries andon.dev/protected"));
    }

    @Test
    @DisplayName("the workload Andon's own pod belongs to is never a k8s.workload target")
    void ownWorkload() throws Exception {
        new ClusterFixtures(cluster.client()).deployment("shop", "andon", 1, Map.of(), "node-1");
        WorkloadTargets provider = new WorkloadTargets(SelfIdentity.pod("shop", "andon-rs1-0", "node-1"));

        var found = provider.candidates(Params.of(provider), context);

        assertThat(found.candidates()).filteredOn(c -> c.target().id().equals("Deployment/shop/andon")).singleElement()
                .satisfies(c -> assertThat(c.exclusion()).contains("the workload Andon's own pod belongs to"));
        assertThat(found.eligible()).extracting(Target::id).containsExactly("Deployment/shop/storefront");
    }

    @Test
    @DisplayName("scale sets the replica count, and its undo, planned before, restores the count read before scaling")
    void scaleAndRestore() throws Exception {
        WorkloadScale scale = new WorkloadScale();
        Target storefront = workload("Deployment/shop/storefront");

        Compensation undo = scale.plannedUndo(request(scale, storefront, "replicas", 1)).orElseThrow();
        ActionEffect effect = scale.apply(request(scale, storefront, "replicas", 1));

        assertThat(effect.summary()).isEqualTo("scaled Deployment/shop/storefront from 3 to 1 replicas");
        assertThat(replicas()).isEqualTo(1);
        assertThat(undo).isEqualTo(new Compensation("k8s.workload.scale", Optional.of(storefront), Map.of("replicas", 3L),
                "scale Deployment/shop/storefront back to 3 replicas"));
        undo(undo);
        undo(undo);
        assertThat(replicas()).isEqualTo(3);
    }

    @Test
    @DisplayName("partitioning a pod labels that pod alone and creates a deny-all policy labelled with the run; the undo removes both, twice harmlessly")
    void partitionPod() throws Exception {
        NetworkPartition partition = new NetworkPartition();
        Target pod = pod("shop/storefront-rs1-1");
        Compensation undo = partition.plannedUndo(request(partition, pod)).orElseThrow();

        partition.apply(request(partition, pod, "direction", "ingress"));

        List<NetworkPolicy> policies = cluster.client().network().v1().networkPolicies().inNamespace("shop").list().getItems();
        assertThat(policies).singleElement().satisfies(p -> {
            assertThat(p.getMetadata().getLabels()).containsEntry("andon.dev/run", "20261126T121500Z-abc123")
                    .containsEntry("app.kubernetes.io/managed-by", "andon");
            assertThat(p.getSpec().getPolicyTypes()).containsExactly("Ingress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
            String key = p.getSpec().getPodSelector().getMatchLabels().get("andon.dev/partition");
            assertThat(cluster.client().pods().inNamespace("shop").withLabel("andon.dev/partition", key).list().getItems())
                    .extracting(x -> x.getMetadata().getName()).containsExactly("storefront-rs1-1");
        });

        assertThat(undo(undo).summary()).startsWith("removed NetworkPolicy shop/andon-partition-");
        assertThat(undo(undo).summary()).endsWith("was already gone");
        assertThat(cluster.client().network().v1().networkPolicies().inNamespace("shop").list().getItems()).isEmpty();
        assertThat(cluster.client().pods().inNamespace("shop").withName("storefront-rs1-1").get().getMetadata().getLabels())
                .doesNotContainKey("andon.dev/partition");
    }

    @Test
    @DisplayName("partitioning a workload selects its pods through the workload's own selector, both directions by default")
    void partitionWorkload() throws Exception {
        NetworkPartition partition = new NetworkPartition();

        partition.apply(request(partition, workload("Deployment/shop/storefront")));

        assertThat(cluster.client().network().v1().networkPolicies().inNamespace("shop").list().getItems()).singleElement().satisfies(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isEqualTo(Map.of("app", "storefront"));
            assertThat(p.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        });
    }
}
