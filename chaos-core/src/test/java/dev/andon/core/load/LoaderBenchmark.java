package dev.andon.core.load;

import dev.andon.core.spi.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints how long loading takes: the first load in a fresh JVM (class loading included, what one
 * {@code andon validate} pays), then the median of warm loads of the quickstart and of a generated
 * file with 500 target sets and 500 steps. Run from the repository root:
 *
 * <pre>{@code
 * ./mvnw -B -o -q -pl chaos-core -am test-compile
 * ./mvnw -B -o -q -pl chaos-core dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp chaos-core/target/classes:chaos-core/target/test-classes:$(cat /tmp/cp.txt) dev.andon.core.load.LoaderBenchmark
 * }</pre>
 */
public final class LoaderBenchmark {

    private static final int WARM_RUNS = 200;

    private LoaderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path quickstart = Path.of(args.length > 0 ? args[0] : "experiments/local/quickstart.yaml");
        String text = Files.readString(quickstart);
        // CPU time next to wall time: on a shared 2-core machine the wall time mostly measures the neighbours.
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ExperimentLoader loader = new ExperimentLoader(PluginRegistry.load());
        loader.load(quickstart.toString(), text, Variables.NONE);
        System.out.printf("first load in a fresh JVM (plugins, Jackson, classes): %.1f ms wall, %.1f ms CPU%n",
                (System.nanoTime() - start) / 1e6, (threads.getCurrentThreadCpuTime() - cpu) / 1e6);

        System.out.printf("quickstart (%d lines), warm median of %d: %.3f ms%n", text.lines().count(), WARM_RUNS,
                median(() -> loader.load("quickstart.yaml", text, Variables.NONE)));

        String large = largeFile(500);
        ExperimentLoader fake = new ExperimentLoader(PluginRegistry.of(new FakePlugin()));
        System.out.printf("generated file (%d lines, 500 target sets, 500 steps), warm median of %d: %.3f ms%n",
                large.lines().count(), WARM_RUNS, median(() -> fake.load("large.yaml", large, Variables.NONE)));

        String broken = large.replace("mode: count(1)", "mode: count(x)");
        System.out.printf("same file with 500 problems, warm median of %d: %.3f ms%n", WARM_RUNS, median(() -> {
            try {
                fake.load("broken.yaml", broken, Variables.NONE);
                throw new IllegalStateException("the broken file loaded");
            } catch (InvalidFileException expected) {
                return;
            }
        }));
    }

    private interface Run {
        void run() throws Exception;
    }

    private static double median(Run run) throws Exception {
        for (int i = 0; i < WARM_RUNS; i++) {
            run.run();
        }
        double[] millis = new double[WARM_RUNS];
        for (int i = 0; i < WARM_RUNS; i++) {
            long t = System.nanoTime();
            run.run();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return millis[WARM_RUNS / 2];
    }

    private static String largeFile(int sets) {
        StringBuilder sb = new StringBuilder("""
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata: {name: large}
                spec:
                  variables:
                    port: {default: "8080"}
                  hypothesis:
                    strategy: continuous
                    probes:
                      - {name: front, provider: http, url: "http://127.0.0.1:${port}/", expect: {status: 200, latencyBelow: 500ms}}
                  targets:
                """);
        for (int i = 0; i < sets; i++) {
            sb.append("    set-").append(i).append(":\n")
                    .append("      provider: fake.process\n")
                    .append("      selector: {commandMatches: \"replica-").append(i).append("\"}\n")
                    .append("      mode: count(1)\n")
                    .append("      exclude: [{nameMatches: \"^keep\"}]\n");
        }
        sb.append("  method:\n");
        for (int i = 0; i < sets; i++) {
            sb.append("    - {action: fake.kill, target: set-").append(i).append(", signal: KILL}\n");
        }
        return sb.toString();
    }
}
