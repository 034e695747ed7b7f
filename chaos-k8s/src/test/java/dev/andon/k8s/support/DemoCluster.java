package dev.andon.k8s.support;

import com.sun.net.httpserver.HttpServer;
import dev.andon.k8s.target.NodeTargets;
import dev.andon.k8s.target.SafetyLabels;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A practice cluster without a cluster: the mock API with an opted-in {@code shop} namespace, a
 * {@code storefront} Deployment whose pods a test controller replaces after two seconds, three worker
 * nodes and a control-plane node, plus a storefront answering 200 on 127.0.0.1. Used by
 * docs/kubernetes.md:
 *
 * <pre>
 * ./mvnw -q -pl chaos-k8s -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.andon.k8s.support.DemoCluster -Dexec.args="/tmp/andon-demo.kubeconfig 8080"
 * </pre>
 */
public final class DemoCluster {

    /** Held so the level sticks: java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private DemoCluster() {
    }

    public static void main(String[] args) throws Exception {
        // the mock server logs every request at INFO; the test controller alone makes twenty a second
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        Path kubeconfig = Path.of(args.length > 0 ? args[0] : "/tmp/andon-demo.kubeconfig");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
        // bind first: exec:java would only report a taken port after the client's threads ended
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        MockCluster cluster = new MockCluster();
        ClusterFixtures fixtures = new ClusterFixtures(cluster.client());
        fixtures.namespace("shop", Map.of(SafetyLabels.ENABLED, "true"));
        fixtures.namespace("billing", Map.of());
        fixtures.namespace("kube-system", Map.of());
        for (int i = 1; i <= 3; i++) {
            fixtures.node("node-" + i, Map.of("pool", "general", NodeTargets.ZONE_LABEL, "zone-" + i));
        }
        fixtures.node("control-plane-1", Map.of("node-role.kubernetes.io/control-plane", ""));
        fixtures.deployment("shop", "storefront", 3, Map.of(), "node-1");
        fixtures.deployment("shop", "cart", 2, Map.of(), "node-2");
        fixtures.deployment("billing", "invoices", 2, Map.of(), "node-2");
        fixtures.deployment("kube-system", "coredns", 2, Map.of(), "node-3");
        ReplicaSetController storefront = new ReplicaSetController(cluster.client(), "shop", "storefront", Duration.ofSeconds(2));
        ReplicaSetController cart = new ReplicaSetController(cluster.client(), "shop", "cart", Duration.ofSeconds(2));

        web.createContext("/", exchange -> {
            byte[] body = "storefront ok\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        web.start();
        Files.copy(cluster.kubeconfig(), kubeconfig, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        System.out.println("mock Kubernetes API at " + cluster.url());
        System.out.println("kubeconfig:         " + kubeconfig);
        System.out.println("storefront:         http://127.0.0.1:" + port + "/");
        System.out.println("try: ./andon run experiments/kubernetes/pod-kill.yaml --kubeconfig " + kubeconfig);
        System.out.println("Ctrl-C to stop");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.stop(0);
            try {
                storefront.close();
                cart.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cluster.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
