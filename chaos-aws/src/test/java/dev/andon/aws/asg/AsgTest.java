package dev.andon.aws.asg;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dev.andon.aws.FakeAws.query;
import static dev.andon.aws.FakeAws.queryError;
import static dev.andon.aws.FakeAws.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.andon.aws.AwsXml;
import dev.andon.aws.AwsXml.Group;
import dev.andon.aws.AwsXml.Member;
import dev.andon.aws.FakeAws;
import dev.andon.aws.FakeInstance;
import dev.andon.aws.TestRun;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AsgTest {

    private static Map<String, String> reasons(Candidates c) {
        Map<String, String> m = new TreeMap<>();
        for (Candidate x : c.candidates()) {
            m.put(x.target().id(), x.exclusion().orElse("eligible"));
        }
        return m;
    }

    @Test
    @DisplayName("lists InService members grouped per ASG; opt-in on the group counts, andon:protected on the instance wins")
    void listsMembers() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            aws.server().stubFor(query("DescribeAutoScalingGroups").willReturn(xml(AwsXml.describeAutoScalingGroups(List.of(
                    new Group("web", 3, List.of(Member.inService("i-0w1", "us-east-1a"), Member.inService("i-0w2", "us-east-1b"),
                            new Member("i-0w3", "us-east-1a", "Pending", "Healthy")), Map.of("andon:enabled", "true")),
                    new Group("db", 1, List.of(Member.inService("i-0d1", "us-east-1a")), Map.of())), null))));
            aws.server().stubFor(query("DescribeInstances").willReturn(xml(AwsXml.describeInstances(List.of(
                    FakeInstance.running("i-0w1", "us-east-1a", Map.of("Name", "web-1")),
                    FakeInstance.running("i-0w2", "us-east-1b", Map.of("Name", "web-2", "andon:protected", "true")),
                    FakeInstance.running("i-0d1", "us-east-1a", Map.of("Name", "db-1"))), null))));
            aws.server().stubFor(query("DescribeInstanceAttribute").willReturn(xml(AwsXml.terminationProtection("i-0w1", false))));

            try (TestRun run = aws.run()) {
                Candidates found = new AsgInstanceProvider().candidates(Parameters.of(Map.of("groups", List.of("web", "db"))), run);

                assertThat(reasons(found)).isEqualTo(Map.of(
                        "i-0w1", "eligible",
                        "i-0w2", "the instance is tagged andon:protected",
                        "i-0d1", "not opted in: tag the instance or its Auto Scaling group with andon:enabled=true"));
                assertThat(found.eligible()).singleElement().satisfies(t -> {
                    assertThat(t.group()).isEqualTo("web");
                    assertThat(t.name()).isEqualTo("web-1");
                    assertThat(t.attribute("lifecycleState")).isEqualTo("InService");
                });
                assertThat(found.apiCalls()).isEqualTo(3);
            }
            assertThat(FakeAws.form(aws.queryCalls("DescribeAutoScalingGroups").get(0)))
                    .containsEntry("AutoScalingGroupNames.member.1", "web").containsEntry("AutoScalingGroupNames.member.2", "db");
        }
    }

    @Test
    @DisplayName("follows NextToken across pages of groups")
    void paginatesGroups() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            aws.server().stubFor(query("DescribeAutoScalingGroups").atPriority(5).willReturn(xml(AwsXml.describeAutoScalingGroups(List.of(
                    new Group("a", 1, List.of(Member.inService("i-0a", "us-east-1a")), Map.of("andon:enabled", "true"))), "tok-2"))));
            aws.server().stubFor(query("DescribeAutoScalingGroups").atPriority(1).withRequestBody(containing("NextToken=tok-2"))
                    .willReturn(xml(AwsXml.describeAutoScalingGroups(List.of(
                            new Group("b", 1, List.of(Member.inService("i-0b", "us-east-1b")), Map.of("andon:enabled", "true"))), null))));
            aws.server().stubFor(query("DescribeInstances").willReturn(xml(AwsXml.describeInstances(List.of(
                    FakeInstance.running("i-0a", "us-east-1a", Map.of()), FakeInstance.running("i-0b", "us-east-1b", Map.of())), null))));

            try (TestRun run = aws.run()) {
                Candidates found = new AsgInstanceProvider().candidates(Parameters.of(Map.of(
                        "groupTags", Map.of("team", "shop"), "checkTerminationProtection", false)), run);

                assertThat(found.eligible()).extracting(Target::group).containsExactly("a", "b");
            }
            assertThat(FakeAws.form(aws.queryCalls("DescribeAutoScalingGroups").get(0)))
                    .containsEntry("Filters.member.1.Name", "tag:team").containsEntry("Filters.member.1.Values.member.1", "shop");
        }
    }

    @Test
    @DisplayName("Auto Scaling throttling is retried up to maxAttempts, then the listing fails as THROTTLED naming the IAM action")
    void throttled() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            aws.server().stubFor(query("DescribeAutoScalingGroups").willReturn(queryError(400, "Throttling", "Rate exceeded")));

            try (TestRun run = aws.run()) {
                assertThatThrownBy(() -> new AsgInstanceProvider().candidates(Parameters.of(Map.of("groups", List.of("web"))), run))
                        .isInstanceOfSatisfying(ProviderException.class, e -> {
                            assertThat(e.kind()).isEqualTo(ProviderException.Kind.THROTTLED);
                            assertThat(e.getMessage()).startsWith("AWS kept throttling autoscaling:DescribeAutoScalingGroups on Auto Scaling groups")
                                    .contains("after 3 attempts (Throttling)");
                        });
            }
            assertThat(aws.queryCalls("DescribeAutoScalingGroups")).hasSize(3);
        }
    }

    @Test
    @DisplayName("terminate-instance keeps the desired capacity: ShouldDecrementDesiredCapacity=false")
    void terminateKeepsCapacity() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            aws.server().stubFor(query("TerminateInstanceInAutoScalingGroup").willReturn(xml(AwsXml.terminateInstanceInAutoScalingGroup("web", "i-0w1"))));
            Target target = new Target(AsgInstanceProvider.NAME, "i-0w1", "web-1", "web", Map.of(), Map.of("zone", "us-east-1a"));

            try (TestRun run = aws.run()) {
                var effect = new AsgTerminateInstanceAction().apply(new ActionRequest(Optional.of(target), Parameters.empty(), run));
                assertThat(effect.summary()).isEqualTo("terminated i-0w1 (web-1) in group web; the group will replace it");
            }
            assertThat(aws.queryCalls("TerminateInstanceInAutoScalingGroup")).singleElement().satisfies(r -> assertThat(FakeAws.form(r))
                    .containsEntry("InstanceId", "i-0w1").containsEntry("ShouldDecrementDesiredCapacity", "false"));
        }
    }

    @Test
    @DisplayName("AccessDenied from Auto Scaling becomes one line naming autoscaling:TerminateInstanceInAutoScalingGroup")
    void accessDenied() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            aws.server().stubFor(query("TerminateInstanceInAutoScalingGroup").willReturn(queryError(403, "AccessDenied",
                    "User: arn:aws:iam::123456789012:user/chaos is not authorized to perform: autoscaling:TerminateInstanceInAutoScalingGroup")));
            Target target = new Target(AsgInstanceProvider.NAME, "i-0w1", "web-1", "web", Map.of(), Map.of());

            try (TestRun run = aws.run()) {
                assertThatThrownBy(() -> new AsgTerminateInstanceAction().apply(new ActionRequest(Optional.of(target), Parameters.empty(), run)))
                        .isInstanceOfSatisfying(ProviderException.class, e -> {
                            assertThat(e.kind()).isEqualTo(ProviderException.Kind.FORBIDDEN);
                            assertThat(e.getMessage()).isEqualTo("not authorized to autoscaling:TerminateInstanceInAutoScalingGroup on instance i-0w1"
                                    + " of group web in region us-east-1 at " + aws.endpoint() + " (AccessDenied): grant"
                                    + " autoscaling:TerminateInstanceInAutoScalingGroup to the caller, see deploy/aws/iam-policy.json");
                        });
            }
        }
    }

    @Test
    @DisplayName("the group replaces a terminated member after a delay, and the healthy probe measures the time to recovery")
    void measuresRecovery() throws Exception {
        Duration replaceAfter = Duration.ofMillis(600);
        ReplacingGroup group = new ReplacingGroup("web",
                List.of(Member.inService("i-0w1", "us-east-1a"), Member.inService("i-0w2", "us-east-1b")), replaceAfter, Clock.systemUTC());
        try (FakeAws aws = new FakeAws(group)) {
            aws.server().stubFor(query("DescribeAutoScalingGroups").willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withTransformers(ReplacingGroup.NAME)));
            aws.server().stubFor(query("TerminateInstanceInAutoScalingGroup").willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                    .withTransformers(ReplacingGroup.NAME)));
            Parameters probe = Parameters.of(Map.of("group", "web"));
            Target target = new Target(AsgInstanceProvider.NAME, "i-0w1", "web-1", "web", Map.of(), Map.of());

            try (TestRun run = aws.run()) {
                AsgHealthyProbe healthy = new AsgHealthyProbe();
                assertThat(healthy.observe(probe, run).value(ProbeObservation.OK)).isEqualTo(true);

                Instant injected = Instant.now();
                new AsgTerminateInstanceAction().apply(new ActionRequest(Optional.of(target), Parameters.empty(), run));
                ProbeObservation during = healthy.observe(probe, run);
                assertThat(during.values()).containsEntry(ProbeObservation.VALUE, 1L).containsEntry(ProbeObservation.OK, false);

                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                        .until(() -> Boolean.TRUE.equals(healthy.observe(probe, run).value(ProbeObservation.OK)));
                Duration timeToRecovery = Duration.between(injected, Instant.now());

                assertThat(timeToRecovery).isGreaterThanOrEqualTo(replaceAfter).isLessThan(Duration.ofSeconds(10));
            }
        }
    }
}
