package dev.andon.k8s.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.ProviderException;
import dev.andon.k8s.SelfIdentity;
import dev.andon.k8s.support.ClusterFixtures;
import dev.andon.k8s.support.MockCluster;
import dev.andon.k8s.support.Params;
import dev.andon.k8s.support.TestRunContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodTargetsTest {

    private MockCluster cluster;
    private ClusterFixtures fixtures;
    private TestRunContext context;

    @BeforeEach
    void startCluster() {
        cluster = new MockCluster();
        fixtures = new ClusterFixtures(cluster.client());
        context = TestRunContext.on(cluster);
    }

    @AfterEach
    void stopCluster() throws Exception {
        context.close();
        cluster.close();
    }

    private Candidates select(SelfIdentity self, Object... selector) throws ProviderException {
        PodTargets provider = new PodTargets(self);
        return provider.candidates(Params.of(provider, selector), context);
    }

    private static Map<String, String> reasons(Candidates candidates) {
        Map<String, String> byId = new HashMap<>();
        for (Candidate c : candidates.candidates()) {
            byId.put(c.target().id(), c.exclusion().orElse("eligible"));
        }
        return byId;
    }

    @Test
    @DisplayName("pods of an opted-in namespace are eligible and grouped by their Deployment through the ReplicaSet")
    void namespaceOptIn() throws Exception {
        fixtures.namespace("shop", Map.of(SafetyLabels.ENABLED, "true"));
        fixtures.deployment("shop", "storefront", 3, Map.of(), "node-1");

        Candidates found = select(SelfIdentity.NOWHERE);

        assertThat(found.eligible()).extracting(t -> t.id())
                .containsExactly("shop/storefront-rs1-0", "shop/storefront-rs1-1", "shop/storefront-rs1-2");
        assertThat(found.eligible()).allSatisfy(t -> {
            assertThat(t.group()).isEqualTo("Deployment/shop/storefront");
            assertThat(t.attribute("node")).isEqualTo("node-1");
            assertThat(t.provider()).isEqualTo("k8s.pod");
        });
        assertThat(found.apiCalls()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("opt-in is the default: pods whose pod, workload and namespace lack andon.dev/enabled are excluded with the way to opt in")
    void notOptedIn() throws Exception {
        fixtures.namespace("shop", Map.of());
        fixtures.deployment("shop", "storefront", 1, Map.of(), "node-1");
        fixtures.deployment("shop", "cart", 1, Map.of(SafetyLabels.ENABLED, "true"), "node-1");

        Map<String, String> reasons = reasons(select(SelfIdentity.NOWHERE));

        assertThat(reasons.get("shop/storefront-rs1-0")).startsWith("not opted in").contains("andon.dev/enabled", "Deployment/shop/storefront");
        assertThat(reasons.get("shop/cart-rs1-0")).isEqualTo("eligible");
    }

    @Test
    @DisplayName("optIn: false makes every matched pod eligible, but protected and system pods stay excluded")
    void optInOff() throws Exception {
        fixtures.namespace("shop", Map.of());
        fixtures.namespace("kube-system", Map.of());
        fixtures.deployment("shop", "storefront", 1, Map.of(), "node-1");
        fixtures.deployment("shop", "payments", 1, Map.of(SafetyLabels.PROTECTED, "true"), "node-1");
        fixtures.deployment("kube-system", "coredns", 1, Map.of(), "node-1");

        Map<String, String> reasons = reasons(select(SelfIdentity.NOWHERE, "optIn", false, "namespaces", List.of("*")));

        assertThat(reasons).containsEntry("shop/storefront-rs1-0", "eligible");
        assertThat(reasons.get("shop/payments-rs1-0")).contains("protected", "Deployment/shop/payments");
        assertThat(reasons.get("kube-system/coredns-rs1-0")).startsWith("system namespace kube-system");
    }

    @Test
    @DisplayName("a system namespace named explicitly in the selector is allowed")
    void systemNamespaceNamed() throws Exception {
        fixtures.namespace("kube-system", Map.of(SafetyLabels.ENABLED, "true"));
        fixtures.deployment("kube-system", "coredns", 1, Map.of(), "node-1");

        assertThat(select(SelfIdentity.NOWHERE, "namespaces", List.of("kube-system")).eligible()).extracting(t -> t.id())
                .containsExactly("kube-system/coredns-rs1-0");
    }

    @Test
    @DisplayName("never offers Andon's own pod, known from the downward API")
    void ownPod() throws Exception {
        fixtures.namespace("shop", Map.of(SafetyLabels.ENABLED, "true"));
        fixtures.deployment("shop", "andon", 1, Map.of(), "node-1");

        Map<String, String> reasons = reasons(select(SelfIdentity.pod("shop", "andon-rs1-0", "node-1")));

        assertThat(reasons).containsEntry("shop/andon-rs1-0", "Andon's own pod");
    }

    @Test
    @DisplayName("set-based selectors are enforced client-side even though the mock server ignores them")
    void setBasedSelectorClientSide() throws Exception {
        fixtures.namespace("shop", Map.of(SafetyLabels.ENABLED, "true"));
        fixtures.deployment("shop", "storefront", 2, Map.of(), "node-1");
        fixtures.deployment("shop", "cart", 2, Map.of(), "node-1");
        fixtures.deployment("shop", "legacy", 1, Map.of(), "node-1");

        Candidates in = select(SelfIdentity.NOWHERE, "labelSelector", "app in (storefront, legacy), app notin (legacy)");
        Candidates exists = select(SelfIdentity.NOWHERE, "labelSelector", "pod-template-hash,app!=cart");

        assertThat(in.candidates()).extracting(c -> c.target().id()).containsExactly("shop/storefront-rs1-0", "shop/storefront-rs1-1");
        assertThat(exists.candidates()).extracting(c -> c.target().id())
                .containsExactly("shop/legacy-rs1-0", "shop/storefront-rs1-0", "shop/storefront-rs1-1");
        assertThat(cluster.requestLog()).anySatisfy(r -> assertThat(r).contains("labelSelector=app%20in%20").contains("notin"));
    }

    @Test
    @DisplayName("owner selects the pods of one workload, resolved through the ReplicaSet's owner reference")
    void ownerWorkload() throws Exception {
        fixtures.namespace("shop", Map.of(SafetyLabels.ENABLED, "true"));
        fixtures.deployment("shop", "storefront", 2, Map.of(), "node-1");
        fixtures.deployment("shop", "cart", 2, Map.of(), "node-1");

        assertThat(select(SelfIdentity.NOWHERE, "owner", "Deployment/cart").candidates()).extracting(c -> c.target().id())
                .containsExactly("shop/cart-rs1-0", "shop/cart-rs1-1");
        assertThat(select(SelfIdentity.NOWHERE, "owner", "ReplicaSet/storefront-rs1").candidates()).hasSize(2);
    }

    @Test
    @DisplayName("pods not Running, or not Ready when readyOnly, are shown excluded with their phase")
    void phaseAndReadiness() throws Exception {
        fixtures.namespace("shop", Map.of(SafetyLabels.ENABLED, "true"));
        fixtures.pod("shop", "starting", null, Map.of("app", "x"), "Pending", false, "node-1");
        fixtures.pod("shop", "warming", null, Map.of("app", "x"), "Running", false, "node-1");

        assertThat(reasons(select(SelfIdentity.NOWHERE))).containsEntry("shop/starting", "phase Pending (the selector wants Running)")
                .containsEntry("shop/warming", "eligible");
        assertThat(reasons(select(SelfIdentity.NOWHERE, "readyOnly", true))).containsEntry("shop/warming", "not Ready (the selector wants readyOnly)");
    }

    @Test
    @DisplayName("lists with limit/continue: five pods with page size two take three pages and none is lost")
    void pagination() throws Exception {
        fixtures.namespace("shop", Map.of(SafetyLabels.ENABLED, "true"));
        fixtures.deployment("shop", "storefront", 5, Map.of(), "node-1");
        Map<String, Object> settings = new HashMap<>(cluster.settings());
        settings.put("pageSize", 2L);
        try (TestRunContext paged = new TestRunContext("run-1", settings, Clock.systemUTC())) {
            PodTargets provider = new PodTargets(SelfIdentity.NOWHERE);
            int before = cluster.requestCount();

            Candidates found = provider.candidates(Params.of(provider), paged);

            assertThat(found.eligible()).hasSize(5);
            List<String> podLists = cluster.requestLog().stream().filter(r -> r.startsWith("GET /api/v1/namespaces/shop/pods?")).toList();
            assertThat(podLists).hasSize(3);
            assertThat(podLists.get(1)).contains("continue=2");
            assertThat(podLists.get(2)).contains("continue=4");
            assertThat(found.apiCalls()).isEqualTo(cluster.requestCount() - before);
        }
    }

    @Test
    @DisplayName("a refused list becomes one line naming the verb, resource and namespace")
    void forbidden() {
        cluster.server().expect().get().withPath("/api/v1/namespaces/shop/pods?limit=500")
                .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"reason\":\"Forbidden\",\"message\":\"pods is forbidden\"}").once();

        assertThatThrownBy(() -> select(SelfIdentity.NOWHERE))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.FORBIDDEN))
                .hasMessage("forbidden: cannot list pods in namespace shop (RBAC: verb 'list' on 'pods'; see deploy/kubernetes/rbac.yaml)");
    }
}
