package dev.andon.k8s.support;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * A Kubernetes API for tests: Fabric8's mock server in CRUD mode on 127.0.0.1, with paging and
 * evictions (see {@link ClusterDispatcher}), a kubeconfig file pointing at it, and a client for the test
 * to arrange the cluster with.
 */
public final class MockCluster implements AutoCloseable {

    public static final String DEFAULT_NAMESPACE = "shop";

    private final ClusterDispatcher dispatcher;
    private final KubernetesMockServer server;
    private final KubernetesClient client;
    private final Path kubeconfig;

    public MockCluster() {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        dispatcher = new ClusterDispatcher(responses);
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), 0);
            kubeconfig = Files.createTempFile("andon-kubeconfig", ".yaml");
            Files.writeString(kubeconfig, kubeconfigText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = server.createClient();
    }

    /** The client the test uses to arrange and inspect the cluster (not the one Andon uses). */
    public KubernetesClient client() {
        return client;
    }

    /** For expectations (exec, refusals) that take precedence over the CRUD store. */
    public KubernetesMockServer server() {
        return server;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** The {@code k8s} plugin settings that connect Andon to this cluster through the kubeconfig. */
    public Map<String, Object> settings() {
        return Map.of("kubeconfig", kubeconfig.toString());
    }

    public int requestCount() {
        return dispatcher.requestCount();
    }

    public List<String> requestLog() {
        return dispatcher.requestLog();
    }

    /** The next {@code times} evictions of this pod are refused as if a PodDisruptionBudget forbade them. */
    public void refuseEvictions(String namespace, String pod, int times) {
        dispatcher.refuseEvictions(namespace, pod, times);
    }

    private String kubeconfigText() {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster:
                    server: %s
                contexts:
                - name: mock
                  context:
                    cluster: mock
                    namespace: %s
                    user: tester
                current-context: mock
                users:
                - name: tester
                  user:
                    token: test-token
                """.formatted(url(), DEFAULT_NAMESPACE);
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
        try {
            Files.deleteIfExists(kubeconfig);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
