package dev.andon.k8s.bench;

import dev.andon.core.engine.Selection;
import dev.andon.core.engine.TargetSelector;
import dev.andon.core.model.Safety;
import dev.andon.core.model.SelectionMode;
import dev.andon.core.model.TargetSet;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Target;
import dev.andon.k8s.SelfIdentity;
import dev.andon.k8s.action.PodDelete;
import dev.andon.k8s.support.Params;
import dev.andon.k8s.support.TestRunContext;
import dev.andon.k8s.target.PodTargets;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Selecting from 50,000 pods (list, filter, pick) and deleting 100 of them with bounded concurrency,
 * through the real Fabric8 client over HTTP on loopback against a mock API server that computes its
 * pods (see {@link SyntheticClusterDispatcher}). Prints wall time, API calls and peak heap.
 *
 * <pre>
 * ./mvnw -q -pl chaos-k8s -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.andon.k8s.bench.KubernetesBenchmark -Dexec.args="50000 100"
 * </pre>
 */
public final class KubernetesBenchmark {

    private static final int NAMESPACES = 100;
    private static final int DEPLOYMENTS_PER_NAMESPACE = 20;
    private static final int ROUNDS = 3;
    /** Held so the level sticks: java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private KubernetesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        int pods = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int toDelete = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        SyntheticClusterDispatcher dispatcher = new SyntheticClusterDispatcher(pods, NAMESPACES, DEPLOYMENTS_PER_NAMESPACE);
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init(InetAddress.getByName("127.0.0.1"), 0);
        Path kubeconfig = Files.createTempFile("andon-bench", ".kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{ name: bench, cluster: { server: "http://127.0.0.1:%d" } }]
                contexts: [{ name: bench, context: { cluster: bench, namespace: ns-0, user: bench } }]
                current-context: bench
                users: [{ name: bench, user: { token: bench } }]
                """.formatted(server.getPort()));
        System.out.printf("Kubernetes benchmark: %,d pods in %d namespaces, %d Deployments each; JVM %s, %d CPUs, max heap %d MiB%n",
                pods, NAMESPACES, DEPLOYMENTS_PER_NAMESPACE, Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        try {
            List<Target> picked = List.of();
            for (long pageSize : new long[] {500, 2000, 50_000}) {
                for (int round = 1; round <= ROUNDS; round++) {
                    picked = select(dispatcher, kubeconfig, pageSize, toDelete, round);
                }
            }
            for (int concurrency : new int[] {1, 10, 25}) {
                delete(dispatcher, kubeconfig, picked, concurrency);
            }
        } finally {
            server.destroy();
            Files.deleteIfExists(kubeconfig);
        }
    }

    private static List<Target> select(SyntheticClusterDispatcher dispatcher, Path kubeconfig, long pageSize, int count, int round) throws Exception {
        Map<String, Object> settings = Map.of("kubeconfig", kubeconfig.toString(), "pageSize", pageSize);
        try (TestRunContext context = new TestRunContext("bench-" + round, settings, Clock.systemUTC())) {
            PodTargets provider = new PodTargets(SelfIdentity.NOWHERE);
            Parameters selector = Params.of(provider, "namespaces", List.of("*"), "labelSelector", "app in (app-1,app-2,app-3,app-4,app-5,app-6,app-7,app-8)");
            System.gc();
            resetPeaks();
            long heapBefore = usedHeap();
            dispatcher.resetRequests();
            long start = System.nanoTime();
            Candidates found = provider.candidates(selector, context);
            TargetSet set = new TargetSet("pods", PodTargets.NAME, selector, new SelectionMode(SelectionMode.Kind.COUNT, count), List.of(), Optional.of(5));
            Selection selection = new TargetSelector().select(set, found, new Safety(Optional.empty(), Optional.empty(), false, true),
                    TargetSelector.randomFor(42, "pods"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            long peak = peakHeap();
            System.gc();
            // what the selection keeps (every candidate with its reason) while the run goes on
            long retained = usedHeap() - heapBefore;
            System.out.printf("select  pageSize %5d round %d: %,6d ms, %,d candidates, %,d eligible, %d picked, %d API calls (server saw %d), "
                            + "peak heap %d MiB, retained after GC %d MiB%n",
                    pageSize, round, millis, found.candidates().size(), found.eligible().size(), selection.selected().size(), found.apiCalls(),
                    dispatcher.requests(), peak >> 20, retained >> 20);
            return selection.selected();
        }
    }

    private static void delete(SyntheticClusterDispatcher dispatcher, Path kubeconfig, List<Target> targets, int concurrency) throws Exception {
        try (TestRunContext context = new TestRunContext("bench-delete", Map.of("kubeconfig", kubeconfig.toString()), Clock.systemUTC())) {
            PodDelete delete = new PodDelete();
            Parameters params = Params.of(delete);
            delete.apply(new ActionRequest(Optional.of(targets.get(0)), params, context));
            dispatcher.resetRequests();
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (Target t : targets) {
                done.add(pool.submit(() -> delete.apply(new ActionRequest(Optional.of(t), params, context))));
            }
            for (Future<?> f : done) {
                f.get();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            pool.shutdown();
            System.out.printf("delete  %d pods, concurrency %2d: %,6d ms (%d API calls)%n", targets.size(), concurrency, millis, dispatcher.requests());
        }
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long usedHeap() {
        return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
