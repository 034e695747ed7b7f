package dev.andon.cli.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.cli.CliRun;
import dev.andon.cli.Main;
import dev.andon.k8s.support.ClusterFixtures;
import dev.andon.k8s.support.MockCluster;
import dev.andon.k8s.target.SafetyLabels;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that partitioned a pod is killed with SIGKILL: the NetworkPolicy and the pod's partition label
 * stay behind, and {@code andon recover} removes both from the journaled undo, reaching the cluster
 * through the journaled kubeconfig setting.
 */
class KubernetesCrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @DisplayName("a partition left by a killed run is removed by andon recover, policy and pod label both")
    void partitionUndoneAfterCrash() throws Exception {
        try (MockCluster cluster = new MockCluster()) {
            ClusterFixtures fixtures = new ClusterFixtures(cluster.client());
            fixtures.namespace("shop", Map.of(SafetyLabels.ENABLED, "true"));
            fixtures.deployment("shop", "cart", 1, Map.of(), "node-1");
            Path file = dir.resolve("partition.yaml");
            Files.writeString(file, """
                    apiVersion: andon.dev/v1
                    kind: Experiment
                    metadata: { name: partition-and-crash }
                    spec:
                      targets:
                        cart: { provider: k8s.pod, selector: { owner: Deployment/cart }, mode: one }
                      method:
                        - { action: k8s.network.partition, target: cart }
                        - pause: 5m
                    """);
            Path journals = dir.resolve("journals");
            Path journal = journals.resolve("crash.json");
            Process andon = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "run", file.toString(), "--no-store", "--journal", journal.toString(), "--kubeconfig", cluster.kubeconfig().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("andon.log").toFile()).start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> !policies(cluster).isEmpty());
                await().atMost(Duration.ofSeconds(10)).until(() -> readable(journal) && "done".equals(
                        JSON.readTree(journal.toFile()).path("actions").path(0).path("status").asText()));
            } finally {
                andon.destroyForcibly().waitFor();
            }
            assertThat(JSON.readTree(journal.toFile()).path("undos").get(0).path("status").asText()).isEqualTo("pending");
            assertThat(policies(cluster)).as("the partition is still in place after the crash").hasSize(1);
            assertThat(cluster.client().pods().inNamespace("shop").withName("cart-rs1-0").get().getMetadata().getLabels())
                    .containsKey("andon.dev/partition");

            CliRun recover = CliRun.of("recover", "--journal-dir", journals.toString());

            assertThat(recover.exitCode()).as(recover.toString()).isZero();
            assertThat(recover.out()).contains("partition-and-crash").contains("1 pending undo(s) run");
            assertThat(policies(cluster)).isEmpty();
            assertThat(cluster.client().pods().inNamespace("shop").withName("cart-rs1-0").get().getMetadata().getLabels())
                    .doesNotContainKey("andon.dev/partition");
            assertThat(JSON.readTree(journal.toFile()).path("undos").get(0).path("status").asText()).isEqualTo("done");
        }
    }

    private static List<?> policies(MockCluster cluster) {
        return cluster.client().network().v1().networkPolicies().inNamespace("shop").list().getItems();
    }

    private static boolean readable(Path journal) {
        try {
            return Files.exists(journal) && JSON.readTree(journal.toFile()) != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String javaBin() {
        return String.join(File.separator, List.of(System.getProperty("java.home"), "bin", "java"));
    }
}
