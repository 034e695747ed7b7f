package dev.andon.cli.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.cli.CliRun;
import dev.andon.k8s.support.ClusterFixtures;
import dev.andon.k8s.support.MockCluster;
import dev.andon.k8s.support.ReplicaSetController;
import dev.andon.k8s.target.SafetyLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code andon run/targets/validate} against a Kubernetes API (Fabric8's CRUD mock server) reached through
 * a kubeconfig file, with a test controller that replaces deleted pods after a delay: the time to
 * recovery is measured end to end, from the delete until the Deployment is fully ready again.
 */
class KubernetesRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REPLACEMENT_DELAY = Duration.ofMillis(1500);

    @TempDir
    Path dir;

    private MockCluster cluster;
    private ReplicaSetController controller;

    @BeforeEach
    void startCluster() {
        cluster = new MockCluster();
        ClusterFixtures fixtures = new ClusterFixtures(cluster.client());
        fixtures.namespace("shop", Map.of(SafetyLabels.ENABLED, "true"));
        fixtures.namespace("billing", Map.of());
        fixtures.deployment("shop", "storefront", 3, Map.of(), "node-1");
        fixtures.deployment("billing", "invoices", 2, Map.of(), "node-1");
        controller = new ReplicaSetController(cluster.client(), "shop", "storefront", REPLACEMENT_DELAY);
    }

    @AfterEach
    void stopCluster() throws Exception {
        controller.close();
        cluster.close();
    }

    private Path experiment() throws Exception {
        Path file = dir.resolve("pod-kill.yaml");
        Files.writeString(file, """
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata:
                  name: kill-one-storefront-pod
                spec:
                  targets:
                    storefront-pods:
                      provider: k8s.pod
                      selector: { namespaces: ["*"], owner: Deployment/shop/storefront }
                      mode: one
                      perGroup: 1
                  hypothesis:
                    strategy: continuous
                    interval: 100ms
                    probes:
                      - name: two-still-ready
                        provider: k8s.workload.ready
                        workload: storefront
                        minReady: 2
                        expect: { ok: true }
                  method:
                    - action: k8s.pod.delete
                      target: storefront-pods
                      force: true
                    - pause: 1s
                  recovery:
                    timeout: 20s
                    probes:
                      - name: storefront-fully-ready
                        provider: k8s.workload.ready
                        workload: storefront
                        expect: { ok: true }
                  safety: { maxTargets: 1 }
                """);
        return file;
    }

    @Test
    @DisplayName("andon run deletes one opted-in pod through the kubeconfig, holds, and measures the time until the Deployment is ready again")
    void runMeasuresRecovery() throws Exception {
        Path journals = dir.resolve("journals");

        CliRun run = CliRun.of("run", experiment().toString(), "--kubeconfig", cluster.kubeconfig().toString(),
                "--journal-dir", journals.toString(), "--seed", "5");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).contains("HELD").contains("time to recovery");
        assertThat(controller.created()).isEqualTo(1);
        JsonNode journal;
        try (var files = Files.list(journals)) {
            journal = JSON.readTree(files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow().toFile());
        }
        assertThat(journal.path("result").path("outcome").asText()).isEqualTo("held");
        String deleted = journal.path("selections").get(0).path("selected").get(0).toString();
        assertThat(deleted).contains("shop/storefront-rs1-");
        assertThat(run.out()).containsPattern("↓ broke .*storefront-fully-ready").contains("↑ recovered");
        assertThat(Duration.ofMillis(journal.path("result").path("timeToRecoveryMs").asLong())).isBetween(REPLACEMENT_DELAY, Duration.ofSeconds(15));
    }

    @Test
    @DisplayName("andon targets lists the opted-in pods and shows the others with the reason they are skipped")
    void targetsShowsExclusions() throws Exception {
        Path file = dir.resolve("all.yaml");
        Files.writeString(file, """
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata: { name: every-pod }
                spec:
                  targets:
                    pods: { provider: k8s.pod, selector: { namespaces: ["*"] }, mode: all }
                  method:
                    - { action: k8s.pod.delete, target: pods }
                """);

        CliRun run = CliRun.of("targets", file.toString(), "--all", "--kubeconfig", cluster.kubeconfig().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("shop/storefront-rs1-0").containsPattern("billing/invoices-rs1-0.*not opted in");
        assertThat(cluster.client().pods().inAnyNamespace().list().getItems()).hasSize(5);
    }

    @Test
    @DisplayName("the Kubernetes examples validate")
    void examplesValidate() {
        Path examples = Path.of(System.getProperty("user.dir")).getParent().resolve("experiments/kubernetes");
        for (String name : new String[] {"pod-kill.yaml", "node-drain.yaml", "network-partition.yaml", "opt-in-namespace.yaml"}) {
            CliRun run = CliRun.of("validate", examples.resolve(name).toString());
            assertThat(run.exitCode()).as(name + ": " + run).isZero();
        }
    }
}
