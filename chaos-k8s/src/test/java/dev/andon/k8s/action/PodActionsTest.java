package dev.andon.k8s.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import dev.andon.k8s.SelfIdentity;
import dev.andon.k8s.support.ClusterFixtures;
import dev.andon.k8s.support.MockCluster;
import dev.andon.k8s.support.Params;
import dev.andon.k8s.support.TestRunContext;
import dev.andon.k8s.target.PodTargets;
import dev.andon.k8s.target.SafetyLabels;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.StatusMessage;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PodActionsTest {

    private MockCluster cluster;
    private TestRunContext context;
    private Target pod;

    @BeforeEach
    void arrange() throws Exception {
        cluster = new MockCluster();
        context = TestRunContext.on(cluster);
        ClusterFixtures fixtures = new ClusterFixtures(cluster.client());
        fixtures.namespace("shop", Map.of(SafetyLabels.ENABLED, "true"));
        fixtures.deployment("shop", "storefront", 2, Map.of(), "node-1");
        PodTargets provider = new PodTargets(SelfIdentity.NOWHERE);
        pod = provider.candidates(Params.of(provider), context).eligible().get(0);
    }

    @AfterEach
    void tearDown() throws Exception {
        context.close();
        cluster.close();
    }

    private ActionRequest request(dev.andon.core.spi.Action action, Object... params) {
        return new ActionRequest(Optional.of(pod), Params.of(action, params), context);
    }

    @Test
    @DisplayName("k8s.pod.delete deletes the selected pod and nothing else, and has no undo")
    void deletes() throws Exception {
        PodDelete delete = new PodDelete();

        ActionEffect effect = delete.apply(request(delete, "force", true));

        assertThat(effect.summary()).isEqualTo("deleted pod shop/storefront-rs1-0 (grace period 0s)");
        assertThat(cluster.client().pods().inNamespace("shop").withName("storefront-rs1-0").get()).isNull();
        assertThat(cluster.client().pods().inNamespace("shop").withName("storefront-rs1-1").get()).isNotNull();
        assertThat(delete.plannedUndo(request(delete))).isEmpty();
        assertThat(cluster.requestLog()).anySatisfy(r -> assertThat(r).startsWith("DELETE /api/v1/namespaces/shop/pods/storefront-rs1-0"));
    }

    @Test
    @DisplayName("a pod that vanished between selection and delete is reported NOT_FOUND, not a crash")
    void vanished() {
        cluster.client().pods().inNamespace("shop").withName("storefront-rs1-0").delete();
        PodDelete delete = new PodDelete();

        assertThatThrownBy(() -> delete.apply(request(delete)))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND))
                .hasMessage("pod shop/storefront-rs1-0 not found (it vanished after selection)");
    }

    @Test
    @DisplayName("a delete refused by RBAC names the verb, the resource and the namespace on one line")
    void forbidden() {
        cluster.server().expect().delete().withPath("/api/v1/namespaces/shop/pods/storefront-rs1-0")
                .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"reason\":\"Forbidden\"}").once();
        PodDelete delete = new PodDelete();

        assertThatThrownBy(() -> delete.apply(request(delete)))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.FORBIDDEN))
                .hasMessageStartingWith("forbidden: cannot delete pods in namespace shop (RBAC: verb 'delete' on 'pods'");
    }

    @Test
    @DisplayName("k8s.pod.kill-process execs kill with the signal and PID in the pod's first container")
    void killsThroughExec() throws Exception {
        cluster.server().expect()
                .withPath("/api/v1/namespaces/shop/pods/storefront-rs1-0/exec?command=kill&command=-TERM&command=1&container=app&stderr=true")
                .andUpgradeToWebSocket().open().waitFor(20).andEmit(new StatusMessage(0)).done().once();
        PodKillProcess kill = new PodKillProcess();

        ActionEffect effect = kill.apply(request(kill, "signal", "TERM"));

        assertThat(effect.summary()).isEqualTo("sent TERM to PID 1 in pod shop/storefront-rs1-0 (app)");
    }

    @Test
    @DisplayName("a kill that exits non-zero fails naming the signal, PID, pod, container and exit code")
    void killFails() {
        cluster.server().expect()
                .withPath("/api/v1/namespaces/shop/pods/storefront-rs1-0/exec?command=kill&command=-KILL&command=42&container=app&stderr=true")
                // the exit status on the error channel, as an API server reports a failed command (the mock
                // interleaves a stderr frame and the status unreliably, so stderr is left out here)
                .andUpgradeToWebSocket().open()
                .waitFor(20).andEmit(new StatusMessage(new StatusBuilder().withStatus("Failure").withReason("NonZeroExitCode")
                        .withNewDetails().addNewCause().withReason("ExitCode").withMessage("1").endCause().endDetails().build()))
                .done().once();
        PodKillProcess kill = new PodKillProcess();

        assertThatThrownBy(() -> kill.apply(request(kill, "pid", 42)))
                .isInstanceOf(ProviderException.class)
                .hasMessage("kill -KILL 42 in pod shop/storefront-rs1-0 container app exited with 1");
    }

    @Test
    @DisplayName("kill-process rejects a signal that is not a name or number before anything runs")
    void checksSignal() {
        PodKillProcess kill = new PodKillProcess();
        assertThat(kill.check(Params.of(kill, "signal", "KILL; rm -rf /"))).singleElement().asString().contains("is not a signal name");
    }
}
