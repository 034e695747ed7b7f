package dev.andon.aws.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dev.andon.aws.FakeAws.query;
import static dev.andon.aws.FakeAws.xml;

import dev.andon.aws.AwsSettings;
import dev.andon.aws.AwsXml;
import dev.andon.aws.FakeAws;
import dev.andon.aws.FakeInstance;
import dev.andon.aws.TestRun;
import dev.andon.aws.ec2.Ec2InstanceProvider;
import dev.andon.core.model.SelectionMode;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Target;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Selecting one instance out of 10,000 served by WireMock over paginated DescribeInstances (1,000 per page,
 * as EC2 pages), 10% opted in. Prints wall time (median of the measured rounds), API calls and peak heap.
 * The fake EC2 runs in the same JVM, so peak heap includes WireMock's (its ten pre-rendered pages, about
 * 10 MB of XML, and the requests of one round).
 *
 * <p>{@code ./mvnw -B -q -pl chaos-aws -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.andon.aws.bench.SelectionFromTenThousandBenchmark}
 */
public final class SelectionFromTenThousandBenchmark {

    private static final int INSTANCES = 10_000;
    private static final int PAGE = 1_000;
    private static final int WARMUP = 2;
    private static final int ROUNDS = 5;

    private SelectionFromTenThousandBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (FakeAws aws = new FakeAws()) {
            serveFleet(aws);
            System.out.printf("AWS selection benchmark: %,d instances, %,d per page, 10%% opted in; %d cores, max heap %d MiB%n",
                    INSTANCES, PAGE, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            measure(aws, "tag rules only (checkTerminationProtection: false)", Map.of("checkTerminationProtection", false));
            measure(aws, "with termination-protection check per eligible instance", Map.of());
            measure(aws, "AZ mode, random zone, termination-protection check", Map.of("zone", "random", "zoneSeed", 7L));
        }
    }

    private static void serveFleet(FakeAws aws) {
        SplittableRandom r = new SplittableRandom(2026);
        String[] zones = {"us-east-1a", "us-east-1b", "us-east-1c"};
        List<FakeInstance> fleet = new ArrayList<>(INSTANCES);
        for (int i = 0; i < INSTANCES; i++) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("Name", "node-" + i);
            tags.put("team", "team-" + (i % 20));
            if (r.nextInt(10) == 0) {
                tags.put(AwsSettings.OPT_IN_TAG, "true");
            }
            fleet.add(FakeInstance.running(String.format("i-%017x", i), zones[r.nextInt(3)], tags));
        }
        for (int page = 0; page < INSTANCES / PAGE; page++) {
            String next = page + 1 < INSTANCES / PAGE ? "page-" + (page + 1) : null;
            var stub = query("DescribeInstances");
            stub = page == 0 ? stub.atPriority(5) : stub.atPriority(1).withRequestBody(containing("NextToken=page-" + page + "&"));
            aws.server().stubFor(stub.willReturn(xml(AwsXml.describeInstances(fleet.subList(page * PAGE, (page + 1) * PAGE), next))));
        }
        aws.server().stubFor(query("DescribeInstanceAttribute").willReturn(xml(AwsXml.terminationProtection("any", false))));
    }

    private static void measure(FakeAws aws, String label, Map<String, Object> selector) throws Exception {
        long[] millis = new long[ROUNDS];
        long peak = 0;
        int calls = 0;
        int eligible = 0;
        String picked = "";
        for (int round = -WARMUP; round < ROUNDS; round++) {
            aws.server().resetRequests();
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            try (TestRun run = aws.run()) {
                Candidates found = new Ec2InstanceProvider().candidates(Parameters.of(selector), run);
                List<Target> eligibleTargets = found.eligible();
                SplittableRandom pick = new SplittableRandom(42);
                int n = SelectionMode.ONE.count(eligibleTargets.size(), pick);
                picked = n == 0 ? "-" : eligibleTargets.get(pick.nextInt(eligibleTargets.size())).id();
                calls = found.apiCalls();
                eligible = eligibleTargets.size();
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (round >= 0) {
                millis[round] = elapsed;
                peak = Math.max(peak, heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
            }
        }
        Arrays.sort(millis);
        System.out.printf("%-58s wall %5d ms (median of %d; min %d, max %d), API calls %4d, eligible %5d, picked %s, peak heap %4d MiB%n",
                label, millis[ROUNDS / 2], ROUNDS, millis[0], millis[ROUNDS - 1], calls, eligible, picked, peak >> 20);
    }
}
