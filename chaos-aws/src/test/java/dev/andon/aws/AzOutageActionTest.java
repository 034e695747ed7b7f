package dev.andon.aws;

import static dev.andon.aws.FakeAws.ecs;
import static dev.andon.aws.FakeAws.ecsJson;
import static dev.andon.aws.FakeAws.query;
import static dev.andon.aws.FakeAws.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.andon.aws.asg.AsgInstanceProvider;
import dev.andon.aws.ec2.Ec2InstanceProvider;
import dev.andon.aws.ecs.EcsTaskProvider;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AzOutageActionTest {

    private final AzOutageAction outage = new AzOutageAction();

    @Test
    @DisplayName("stops every instance of the zone picked for the run and nothing outside it, each undone by a start")
    void stopsOneZone() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            aws.server().stubFor(query("DescribeInstances").willReturn(xml(AwsXml.describeInstances(List.of(
                    FakeInstance.optedIn("i-0a1", "us-east-1a"), FakeInstance.optedIn("i-0a2", "us-east-1a"),
                    FakeInstance.optedIn("i-0b1", "us-east-1b"), FakeInstance.optedIn("i-0c1", "us-east-1c")), null))));
            aws.server().stubFor(query("StopInstances").willReturn(xml(AwsXml.stateChange("StopInstances", "i-0", "running", "stopping"))));

            List<String> zones;
            List<Compensation> undos = new ArrayList<>();
            try (TestRun run = aws.run()) {
                Candidates found = new Ec2InstanceProvider().candidates(Parameters.of(Map.of(
                        "zone", "random", "zoneSeed", 7L, "checkTerminationProtection", false)), run);
                zones = found.eligible().stream().map(t -> t.attribute("zone")).distinct().toList();
                for (Target t : found.eligible()) {
                    ActionRequest request = new ActionRequest(Optional.of(t), Parameters.of(Map.of("mode", "stop")), run);
                    outage.plannedUndo(request).ifPresent(undos::add);
                    outage.apply(request);
                }
            }
            assertThat(zones).hasSize(1);
            List<String> stopped = aws.queryCalls("StopInstances").stream().map(r -> FakeAws.form(r).get("InstanceId.1")).sorted().toList();
            List<String> expected = new ArrayList<>();
            for (String id : List.of("i-0a1", "i-0a2", "i-0b1", "i-0c1")) {
                if (id.startsWith("i-0" + zones.get(0).charAt(zones.get(0).length() - 1))) {
                    expected.add(id);
                }
            }
            assertThat(stopped).isEqualTo(expected);
            assertThat(undos).hasSize(expected.size()).allSatisfy(c -> assertThat(c.action()).isEqualTo("aws.ec2.start"));
        }
    }

    @Test
    @DisplayName("in terminate mode group members go through Auto Scaling, tasks are stopped, and nothing needs undoing")
    void terminateMode() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            aws.server().stubFor(query("TerminateInstanceInAutoScalingGroup").willReturn(xml(AwsXml.terminateInstanceInAutoScalingGroup("web", "i-0a1"))));
            aws.server().stubFor(ecs("StopTask").willReturn(ecsJson("{\"task\":{\"desiredStatus\":\"STOPPED\"}}")));
            Target member = new Target(AsgInstanceProvider.NAME, "i-0a1", "web-1", "web", Map.of(), Map.of("zone", "us-east-1a"));
            Target task = new Target(EcsTaskProvider.NAME, "arn:aws:ecs:us-east-1:123456789012:task/shop/t1", "t1", "api", Map.of(),
                    Map.of("zone", "us-east-1a", "cluster", "shop"));

            try (TestRun run = aws.run()) {
                for (Target t : List.of(member, task)) {
                    ActionRequest request = new ActionRequest(Optional.of(t), Parameters.of(Map.of("mode", "terminate")), run);
                    assertThat(outage.plannedUndo(request)).isEmpty();
                    outage.apply(request);
                }
            }
            assertThat(FakeAws.form(aws.queryCalls("TerminateInstanceInAutoScalingGroup").get(0)))
                    .containsEntry("InstanceId", "i-0a1").containsEntry("ShouldDecrementDesiredCapacity", "false");
            assertThat(aws.ecsCalls("StopTask")).hasSize(1);
            assertThat(aws.server().findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/")).withRequestBody(WireMock.containing("Action=TerminateInstances&"))))
                    .isEmpty();
        }
    }
}
