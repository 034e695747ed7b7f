package dev.andon.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.andon.aws.FakeAws.query;
import static dev.andon.aws.FakeAws.xml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.aws.AwsXml.Group;
import dev.andon.aws.AwsXml.Member;
import dev.andon.aws.asg.AsgInstanceProvider;
import dev.andon.aws.ec2.Ec2InstanceProvider;
import dev.andon.core.model.SelectionMode;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Randomized fleets served by WireMock, selected through the providers and a seeded pick as the engine
 * does it. Each trial's seed is printed; {@code -Dandon.seed=N} replays one trial.
 */
class SafetyPropertyTest {

    private static final int TRIALS = Integer.getInteger("andon.trials", 15);
    private static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");
    private static FakeAws aws;

    @BeforeAll
    static void start() {
        aws = new FakeAws();
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private static List<Long> seeds(long master) {
        Long fixed = Long.getLong("andon.seed");
        if (fixed != null) {
            return List.of(fixed);
        }
        SplittableRandom r = new SplittableRandom(master);
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            seeds.add(r.nextLong());
        }
        return seeds;
    }

    /** What the fake fleet knows about each instance, to judge the selection against. */
    private record Truth(Set<String> optedIn, Set<String> isProtected, Set<String> terminationProtected, Optional<String> self, Map<String, String> zoneOf) {
    }

    private static Truth serveFleet(SplittableRandom r, boolean groupOptIn, Map<String, String> groupOf) {
        aws.server().resetAll();
        int n = 5 + r.nextInt(25);
        List<FakeInstance> fleet = new ArrayList<>();
        Set<String> optedIn = new HashSet<>();
        Set<String> isProtected = new HashSet<>();
        Set<String> locked = new HashSet<>();
        Map<String, String> zoneOf = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String id = String.format("i-%08x", i);
            String zone = ZONES.get(r.nextInt(ZONES.size()));
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("Name", "node-" + i);
            if (r.nextInt(100) < 50) {
                tags.put(AwsSettings.OPT_IN_TAG, r.nextBoolean() ? "true" : "TRUE");
                optedIn.add(id);
            } else if (r.nextInt(100) < 20) {
                tags.put(AwsSettings.OPT_IN_TAG, "false");
            }
            if (r.nextInt(100) < 20) {
                tags.put(AwsSettings.PROTECTED_TAG, "");
                isProtected.add(id);
            }
            if (r.nextInt(100) < 15) {
                locked.add(id);
            }
            fleet.add(FakeInstance.running(id, zone, tags));
            zoneOf.put(id, zone);
            groupOf.put(id, "group-" + r.nextInt(4));
        }
        Optional<String> self = r.nextBoolean() ? Optional.of(fleet.get(r.nextInt(n)).id()) : Optional.empty();
        aws.server().stubFor(query("DescribeInstances").willReturn(xml(AwsXml.describeInstances(fleet, null))));
        aws.server().stubFor(query("DescribeInstanceAttribute").willReturn(xml(AwsXml.terminationProtection("any", false))));
        for (String id : locked) {
            aws.server().stubFor(query("DescribeInstanceAttribute").atPriority(1).withRequestBody(containing("InstanceId=" + id + "&"))
                    .willReturn(xml(AwsXml.terminationProtection(id, true))));
        }
        self.ifPresent(id -> {
            aws.server().stubFor(put(urlEqualTo("/latest/api/token")).willReturn(aResponse().withBody("t")));
            aws.server().stubFor(get(urlEqualTo("/latest/meta-data/instance-id")).willReturn(aResponse().withBody(id)));
        });
        if (groupOptIn) {
            Map<String, List<Member>> members = new LinkedHashMap<>();
            for (FakeInstance i : fleet) {
                members.computeIfAbsent(groupOf.get(i.id()), g -> new ArrayList<>()).add(Member.inService(i.id(), i.zone()));
            }
            List<Group> groups = new ArrayList<>();
            members.forEach((g, m) -> {
                boolean opted = r.nextBoolean();
                groups.add(new Group(g, m.size(), m, opted ? Map.of(AwsSettings.OPT_IN_TAG, "true") : Map.of()));
                if (opted) {
                    m.forEach(x -> optedIn.add(x.instanceId()));
                }
            });
            aws.server().stubFor(query("DescribeAutoScalingGroups").willReturn(xml(AwsXml.describeAutoScalingGroups(groups, null))));
        }
        return new Truth(optedIn, isProtected, locked, self, zoneOf);
    }

    private static SelectionMode randomMode(SplittableRandom r) {
        return switch (r.nextInt(5)) {
            case 0 -> SelectionMode.ONE;
            case 1 -> SelectionMode.ALL;
            case 2 -> new SelectionMode(SelectionMode.Kind.COUNT, 1 + r.nextInt(6));
            case 3 -> new SelectionMode(SelectionMode.Kind.PERCENT, 1 + r.nextInt(100));
            default -> new SelectionMode(SelectionMode.Kind.RANDOM_MAX_PERCENT, 1 + r.nextInt(100));
        };
    }

    /** The engine's pick: a seeded shuffle of the eligible candidates, then as many as the mode says. */
    private static List<Target> pick(Candidates found, SelectionMode mode, SplittableRandom r) {
        List<Target> eligible = new ArrayList<>(found.eligible());
        for (int i = eligible.size() - 1; i > 0; i--) {
            java.util.Collections.swap(eligible, i, r.nextInt(i + 1));
        }
        return eligible.subList(0, mode.count(eligible.size(), r));
    }

    private void check(long seed, boolean asg) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        Map<String, String> groupOf = new HashMap<>();
        Truth truth = serveFleet(r, asg, groupOf);
        Map<String, Object> selector = new HashMap<>();
        Optional<String> namedZone = Optional.empty();
        switch (r.nextInt(3)) {
            case 0 -> {
            }
            case 1 -> {
                namedZone = Optional.of(ZONES.get(r.nextInt(ZONES.size())));
                selector.put("zone", namedZone.get());
            }
            default -> {
                selector.put("zone", "random");
                selector.put("zoneSeed", r.nextLong());
            }
        }
        SelectionMode mode = randomMode(r);
        try (TestRun run = aws.run()) {
            Candidates found = asg
                    ? new AsgInstanceProvider().candidates(Parameters.of(selector), run)
                    : new Ec2InstanceProvider().candidates(Parameters.of(selector), run);
            List<Target> picked = pick(found, mode, r);
            String why = "seed " + seed + " (replay with -Dandon.seed=" + seed + ")";

            assertThat(picked).as(why).allSatisfy(t -> {
                assertThat(truth.optedIn()).as("opted in, " + why).contains(t.id());
                assertThat(truth.isProtected()).as("protected, " + why).doesNotContain(t.id());
                assertThat(truth.terminationProtected()).as("termination protection, " + why).doesNotContain(t.id());
                assertThat(Optional.of(t.id())).as("Andon's own instance, " + why).isNotEqualTo(truth.self());
            });
            assertThat(picked.size()).as("limit, " + why).isLessThanOrEqualTo(found.eligible().size());
            if (mode.kind() != SelectionMode.Kind.RANDOM_MAX_PERCENT) {
                assertThat(picked).as("count, " + why).hasSize(mode.count(found.eligible().size(), r));
            }
            Set<String> zones = new HashSet<>();
            picked.forEach(t -> zones.add(t.attribute("zone")));
            if (selector.containsKey("zone")) {
                assertThat(zones).as("one zone in AZ mode, " + why).hasSizeLessThanOrEqualTo(1);
                namedZone.ifPresent(z -> assertThat(zones).as("the named zone, " + why).allMatch(z::equals));
                // Every eligible candidate, not only the picked ones, lies in the chosen zone.
                assertThat(found.eligible().stream().map(t -> t.attribute("zone")).distinct().count()).as(why).isLessThanOrEqualTo(1);
            }
            if (asg) {
                assertThat(picked).as(why).allSatisfy(t -> assertThat(t.group()).isEqualTo(groupOf.get(t.id())));
            }
            System.out.println("trial " + why + ": " + found.candidates().size() + " candidates, " + found.eligible().size()
                    + " eligible, picked " + picked.size() + " with " + mode + (selector.containsKey("zone") ? " in zone " + zones : ""));
        }
    }

    @Test
    @DisplayName("EC2: a pick never includes an unopted, protected, termination-protected or own instance, nor leaves the AZ")
    void ec2Selections() throws Exception {
        long master = Long.getLong("andon.masterSeed", 20261126L);
        System.out.println("master seed " + master);
        for (long seed : seeds(master)) {
            check(seed, false);
        }
    }

    @Test
    @DisplayName("ASG: the same holds with opt-in on the group, and each target's group is its ASG")
    void asgSelections() throws Exception {
        long master = Long.getLong("andon.masterSeed", 4242L);
        System.out.println("master seed " + master);
        for (long seed : seeds(master)) {
            check(seed, true);
        }
    }
}
