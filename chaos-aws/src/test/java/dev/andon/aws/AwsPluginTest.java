package dev.andon.aws;

import static dev.andon.aws.FakeAws.query;
import static dev.andon.aws.FakeAws.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.andon.aws.ec2.Ec2InstanceProvider;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.spi.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AwsPluginTest {

    @Test
    @DisplayName("is found through ServiceLoader with every AWS provider, action and probe")
    void registered() {
        PluginRegistry registry = PluginRegistry.load();

        assertThat(registry.plugin("aws")).isPresent();
        assertThat(registry.providerNames()).contains("aws.ec2.instance", "aws.asg.instance", "aws.ecs.task");
        assertThat(registry.actionNames()).contains("aws.ec2.terminate", "aws.ec2.stop", "aws.ec2.start", "aws.ec2.reboot",
                "aws.asg.terminate-instance", "aws.ecs.stop-task", "aws.az.outage");
        assertThat(registry.probeNames()).contains("aws.asg.healthy", "aws.elbv2.targets-healthy", "aws.cloudwatch.alarm", "aws.ecs.service-steady");
        assertThat(registry.plugin("aws").orElseThrow().settings()).extracting(s -> s.name())
                .contains("region", "profile", "endpoint", "roleArn", "externalId", "sessionName", "stopAlarms");
    }

    @Test
    @DisplayName("the external id is a secret setting, redacted wherever settings are shown")
    void externalIdIsSecret() {
        assertThat(AwsSettings.SPECS).filteredOn(s -> s.name().equals("externalId")).singleElement().satisfies(s -> assertThat(s.secret()).isTrue());
    }

    @Test
    @DisplayName("assumes the role through STS once per run and signs every call with the role's temporary credentials")
    void assumesRole() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            aws.server().stubFor(query("AssumeRole").willReturn(xml(
                    "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><Credentials>"
                            + "<AccessKeyId>ASIAANDONROLE0000000</AccessKeyId><SecretAccessKey>role-secret-never-logged</SecretAccessKey>"
                            + "<SessionToken>role-session-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                            + "<AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/chaos/andon-test</Arn>"
                            + "<AssumedRoleId>AROAANDON:andon-test</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
                            + "<ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata></AssumeRoleResponse>")));
            aws.server().stubFor(query("DescribeInstances").willReturn(xml(AwsXml.describeInstances(
                    List.of(FakeInstance.optedIn("i-0a", "us-east-1a")), null))));
            aws.server().stubFor(query("RebootInstances").willReturn(xml(AwsXml.rebootInstances())));
            Map<String, Object> settings = new HashMap<>(aws.settings());
            settings.put("roleArn", "arn:aws:iam::123456789012:role/chaos");
            settings.put("externalId", "ext-4711");
            settings.put("sessionName", "andon-test");

            try (TestRun run = aws.run(settings, false)) {
                var found = new Ec2InstanceProvider().candidates(Parameters.of(Map.of("checkTerminationProtection", false)), run);
                new dev.andon.aws.ec2.Ec2RebootAction().apply(new ActionRequest(Optional.of(found.eligible().get(0)), Parameters.empty(), run));
                assertThat(run.notes()).noneMatch(n -> n.contains("role-secret") || n.contains("andon-fake-secret"));
            }

            assertThat(aws.queryCalls("AssumeRole")).singleElement().satisfies(r -> assertThat(FakeAws.form(r))
                    .containsEntry("RoleArn", "arn:aws:iam::123456789012:role/chaos")
                    .containsEntry("RoleSessionName", "andon-test")
                    .containsEntry("ExternalId", "ext-4711"));
            assertThat(aws.queryCalls("AssumeRole").get(0).getHeader("Authorization")).contains("Credential=" + FakeAws.ACCESS_KEY + "/");
            for (String action : List.of("DescribeInstances", "RebootInstances")) {
                assertThat(aws.queryCalls(action)).singleElement().satisfies(r -> {
                    assertThat(r.getHeader("Authorization")).contains("Credential=ASIAANDONROLE0000000/");
                    assertThat(r.getHeader("X-Amz-Security-Token")).isEqualTo("role-session-token");
                });
            }
        }
    }

    @Test
    @DisplayName("the target-health probe counts healthy targets; ok needs every registered target healthy unless min says otherwise")
    void targetHealth() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            aws.server().stubFor(query("DescribeTargetHealth").willReturn(xml(AwsXml.describeTargetHealth(
                    new java.util.LinkedHashMap<>(Map.of("i-0a", "healthy", "i-0b", "draining", "i-0c", "healthy"))))));
            String arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067";
            var probe = new dev.andon.aws.elb.TargetGroupHealthProbe();

            try (TestRun run = aws.run()) {
                ProbeObservation all = probe.observe(Parameters.of(Map.of("targetGroupArn", arn)), run);
                assertThat(all.values()).containsEntry(ProbeObservation.VALUE, 2L).containsEntry("registered", 3L)
                        .containsEntry(ProbeObservation.OK, false);
                ProbeObservation two = probe.observe(Parameters.of(Map.of("targetGroupArn", arn, "min", 2L)), run);
                assertThat(two.values()).containsEntry(ProbeObservation.OK, true);
            }
            assertThat(FakeAws.form(aws.queryCalls("DescribeTargetHealth").get(0))).containsEntry("TargetGroupArn", arn);
            assertThat(probe.check(Parameters.of(Map.of("targetGroupArn", "web")))).singleElement().asString().contains("is not an ARN");
        }
    }

    @Test
    @DisplayName("off EC2 the instance metadata lookup gives up within its timeout and says so")
    void notOnEc2() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            aws.server().stubFor(WireMock.put(WireMock.urlEqualTo("/latest/api/token")).willReturn(WireMock.aResponse().withFixedDelay(3_000)));
            InstanceIdentity identity = InstanceIdentity.lookUp(java.net.URI.create(aws.endpoint()), java.time.Duration.ofMillis(200));

            assertThat(identity.instanceId()).isEmpty();
            assertThat(identity.how()).startsWith("not on EC2 (no instance metadata at " + aws.endpoint() + " within 200ms)");
        }
    }
}
