package dev.andon.aws.ec2;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dev.andon.aws.FakeAws.ec2Error;
import static dev.andon.aws.FakeAws.query;
import static dev.andon.aws.FakeAws.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.andon.aws.AwsXml;
import dev.andon.aws.FakeAws;
import dev.andon.aws.FakeInstance;
import dev.andon.aws.TestRun;
import dev.andon.core.spi.ActionEffect;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class Ec2ActionsTest {

    private static final Target WEB = new Target(Ec2InstanceProvider.NAME, "i-0web", "web-1", "web", Map.of(), Map.of("zone", "us-east-1a"));

    private final FakeAws aws = new FakeAws();

    @AfterEach
    void stop() {
        aws.close();
    }

    private static ActionRequest on(Target target, Parameters p, TestRun run) {
        return new ActionRequest(Optional.of(target), p, run);
    }

    @Test
    @DisplayName("terminate sends TerminateInstances for exactly the selected instance and reports the state change")
    void terminates() throws Exception {
        aws.server().stubFor(query("TerminateInstances").willReturn(xml(AwsXml.stateChange("TerminateInstances", "i-0web", "running", "shutting-down"))));

        try (TestRun run = aws.run()) {
            ActionEffect effect = new Ec2TerminateAction().apply(on(WEB, Parameters.empty(), run));

            assertThat(effect.summary()).isEqualTo("terminated i-0web (web-1): running -> shutting-down");
        }
        assertThat(aws.queryCalls("TerminateInstances")).singleElement().satisfies(r -> assertThat(FakeAws.form(r))
                .containsEntry("InstanceId.1", "i-0web").doesNotContainKey("InstanceId.2").doesNotContainEntry("DryRun", "true"));
    }

    @Test
    @DisplayName("a dry run calls EC2 with DryRun=true and reads DryRunOperation as the permission proven")
    void dryRunProvesPermission() throws Exception {
        aws.server().stubFor(query("TerminateInstances").willReturn(ec2Error(412, "DryRunOperation",
                "Request would have succeeded, but DryRun flag is set.")));

        try (TestRun run = aws.run(aws.settings(), true)) {
            ActionEffect effect = new Ec2TerminateAction().rehearse(on(WEB, Parameters.empty(), run));

            assertThat(effect.summary()).isEqualTo("would terminate i-0web (web-1): EC2 DryRun proved ec2:TerminateInstances is allowed");
        }
        assertThat(aws.queryCalls("TerminateInstances")).singleElement()
                .satisfies(r -> assertThat(FakeAws.form(r)).containsEntry("DryRun", "true").containsEntry("InstanceId.1", "i-0web"));
    }

    @Test
    @DisplayName("UnauthorizedOperation in a dry run becomes one line naming the IAM action, the instance and the region")
    void dryRunUnauthorized() throws Exception {
        aws.server().stubFor(query("StopInstances").willReturn(ec2Error(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation. Encoded authorization failure message: AbC123")));

        try (TestRun run = aws.run(aws.settings(), true)) {
            assertThatThrownBy(() -> new Ec2StopAction().rehearse(on(WEB, Parameters.empty(), run)))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.FORBIDDEN);
                        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("AbC123")
                                .startsWith("not authorized to ec2:StopInstances on instance i-0web in region us-east-1")
                                .endsWith("grant ec2:StopInstances to the caller, see deploy/aws/iam-policy.json");
                    });
        }
        // Denied is not retried: one call.
        assertThat(aws.queryCalls("StopInstances")).hasSize(1);
    }

    @Test
    @DisplayName("an instance gone between selection and action is reported NOT_FOUND, not as a crash")
    void vanishedInstance() throws Exception {
        aws.server().stubFor(query("RebootInstances").willReturn(ec2Error(400, "InvalidInstanceID.NotFound",
                "The instance ID 'i-0web' does not exist")));

        try (TestRun run = aws.run()) {
            assertThatThrownBy(() -> new Ec2RebootAction().apply(on(WEB, Parameters.empty(), run)))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND);
                        assertThat(e.getMessage()).isEqualTo("instance i-0web no longer exists in region us-east-1 at " + aws.endpoint()
                                + " (InvalidInstanceID.NotFound)");
                    });
        }
    }

    @Test
    @DisplayName("throttling is retried with backoff up to maxAttempts, then reported as THROTTLED")
    void throttlingPersists() throws Exception {
        aws.server().stubFor(query("TerminateInstances").willReturn(ec2Error(503, "RequestLimitExceeded", "Request limit exceeded.")));

        try (TestRun run = aws.run()) {
            assertThatThrownBy(() -> new Ec2TerminateAction().apply(on(WEB, Parameters.empty(), run)))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.THROTTLED);
                        assertThat(e.getMessage()).contains("AWS kept throttling ec2:TerminateInstances on instance i-0web")
                                .contains("after 3 attempts");
                    });
        }
        assertThat(aws.queryCalls("TerminateInstances")).hasSize(3);
    }

    @Test
    @DisplayName("a throttled call that succeeds on retry is simply done")
    void throttlingRecovers() throws Exception {
        aws.server().stubFor(query("TerminateInstances").inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(ec2Error(503, "RequestLimitExceeded", "Request limit exceeded.")).willSetStateTo("calm"));
        aws.server().stubFor(query("TerminateInstances").inScenario("throttle").whenScenarioStateIs("calm")
                .willReturn(xml(AwsXml.stateChange("TerminateInstances", "i-0web", "running", "shutting-down"))));

        try (TestRun run = aws.run()) {
            assertThat(new Ec2TerminateAction().apply(on(WEB, Parameters.empty(), run)).summary()).startsWith("terminated i-0web");
        }
        assertThat(aws.queryCalls("TerminateInstances")).hasSize(2);
    }

    @Test
    @DisplayName("stop plans its undo as data: aws.ec2.start on the same instance, pinned to the run's region and endpoint")
    void stopPlansStart() throws Exception {
        try (TestRun run = aws.run()) {
            Optional<Compensation> undo = new Ec2StopAction().plannedUndo(
                    on(WEB, Parameters.of(Map.of("pollInterval", Duration.ofMillis(20))), run));

            assertThat(undo).hasValueSatisfying(c -> {
                assertThat(c.action()).isEqualTo("aws.ec2.start");
                assertThat(c.target()).contains(WEB);
                assertThat(c.parameters()).isEqualTo(Map.of("pollInterval", "20ms", "region", "us-east-1", "endpoint", aws.endpoint(),
                        "credentialsFile", aws.credentialsFile().toString()));
                assertThat(c.description()).isEqualTo("start i-0web (web-1) again in us-east-1");
            });
        }
    }

    @Test
    @DisplayName("start waits for a stopping instance to be stopped, then starts it once")
    void startWaitsForStopped() throws Exception {
        FakeInstance web = FakeInstance.optedIn("i-0web", "us-east-1a");
        aws.server().stubFor(query("DescribeInstances").inScenario("stop").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml(AwsXml.describeInstances(List.of(web.withState("stopping")), null))).willSetStateTo("stopped"));
        aws.server().stubFor(query("DescribeInstances").inScenario("stop").whenScenarioStateIs("stopped")
                .willReturn(xml(AwsXml.describeInstances(List.of(web.withState("stopped")), null))));
        aws.server().stubFor(query("StartInstances").willReturn(xml(AwsXml.stateChange("StartInstances", "i-0web", "stopped", "pending"))));

        try (TestRun run = aws.run()) {
            ActionEffect effect = new Ec2StartAction().apply(on(WEB, Parameters.of(Map.of("pollInterval", Duration.ofMillis(10))), run));

            assertThat(effect.summary()).isEqualTo("started i-0web (web-1): stopped -> pending");
        }
        assertThat(aws.queryCalls("DescribeInstances")).hasSize(2);
        assertThat(aws.queryCalls("StartInstances")).singleElement()
                .satisfies(r -> assertThat(FakeAws.form(r)).containsEntry("InstanceId.1", "i-0web"));
    }

    @Test
    @DisplayName("start is idempotent: a running instance is left alone")
    void startIdempotent() throws Exception {
        aws.server().stubFor(query("DescribeInstances").willReturn(xml(AwsXml.describeInstances(
                List.of(FakeInstance.optedIn("i-0web", "us-east-1a")), null))));

        try (TestRun run = aws.run()) {
            assertThat(new Ec2StartAction().apply(on(WEB, Parameters.empty(), run)).summary())
                    .isEqualTo("i-0web is already running, nothing to start");
        }
        assertThat(aws.queryCalls("StartInstances")).isEmpty();
    }

    @Test
    @DisplayName("stop sends StopInstances without Force unless asked")
    void stops() throws Exception {
        aws.server().stubFor(query("StopInstances").withRequestBody(containing("InstanceId.1=i-0web"))
                .willReturn(xml(AwsXml.stateChange("StopInstances", "i-0web", "running", "stopping"))));

        try (TestRun run = aws.run()) {
            assertThat(new Ec2StopAction().apply(on(WEB, Parameters.empty(), run)).summary()).isEqualTo("stopped i-0web (web-1): running -> stopping");
        }
        assertThat(FakeAws.form(aws.queryCalls("StopInstances").get(0))).containsEntry("Force", "false");
    }

    @Test
    @DisplayName("an undo pinned to another region than the recovering process's defaults is signed for that region")
    void startUsesPinnedRegion() throws Exception {
        aws.server().stubFor(query("DescribeInstances").willReturn(xml(AwsXml.describeInstances(
                List.of(FakeInstance.optedIn("i-0web", "eu-west-1a").withState("stopped")), null))));
        aws.server().stubFor(query("StartInstances").willReturn(xml(AwsXml.stateChange("StartInstances", "i-0web", "stopped", "pending"))));

        try (TestRun run = aws.run()) {
            new Ec2StartAction().apply(on(WEB, Parameters.of(Map.of("region", "eu-west-1")), run));
        }
        assertThat(aws.queryCalls("StartInstances")).singleElement()
                .satisfies(r -> assertThat(r.getHeader("Authorization")).contains("/eu-west-1/ec2/aws4_request"));
    }
}
