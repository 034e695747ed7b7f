package dev.andon.cli.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.andon.aws.FakeAws.cloudWatch;
import static dev.andon.aws.FakeAws.ec2Error;
import static dev.andon.aws.FakeAws.query;
import static dev.andon.aws.FakeAws.xml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.andon.aws.AwsXml;
import dev.andon.aws.AwsXml.Group;
import dev.andon.aws.AwsXml.Member;
import dev.andon.aws.FakeAws;
import dev.andon.aws.FakeInstance;
import dev.andon.aws.asg.ReplacingGroup;
import dev.andon.aws.cloudwatch.Cbor;
import dev.andon.aws.cloudwatch.CloudWatchAlarmTest;
import dev.andon.aws.ecs.EcsJson;
import dev.andon.cli.CliRun;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS examples through the real CLI, with every AWS call answered by WireMock in AWS's wire formats. */
class AwsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("../experiments/aws");
    private static final String TARGET_GROUP = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067";

    @TempDir
    Path dir;

    private List<String> args(FakeAws aws, String command, String example, String... more) {
        List<String> a = new ArrayList<>(List.of(command, EXAMPLES.resolve(example).toString(),
                "--region", FakeAws.REGION,
                "--setting", "aws.endpoint=" + aws.endpoint(),
                "--setting", "aws.credentialsFile=" + aws.credentialsFile(),
                "--setting", "aws.metadataEndpoint=" + aws.endpoint(),
                "--setting", "aws.retryBaseDelay=5ms"));
        a.addAll(List.of(more));
        return a;
    }

    private CliRun cli(List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    @DisplayName("andon validate accepts every AWS example")
    void validatesExamples() {
        CliRun run = CliRun.of("validate",
                EXAMPLES.resolve("asg-terminate-one-per-group.yaml").toString(),
                EXAMPLES.resolve("ec2-stop-and-restart.yaml").toString(),
                EXAMPLES.resolve("ecs-stop-one-task-per-service.yaml").toString(),
                EXAMPLES.resolve("az-outage.yaml").toString(),
                "--var", "group=web", "--var", "targetGroupArn=" + TARGET_GROUP, "--var", "team=shop",
                "--var", "cluster=shop", "--var", "groupTag=shop", "--var", "alarm=shop-5xx");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("ok  ").contains("az-outage.yaml");
    }

    @Test
    @DisplayName("andon run terminates one member through Auto Scaling, holds, and measures the group's time to recovery")
    void terminatesAndMeasuresRecovery() throws Exception {
        Duration replaceAfter = Duration.ofMillis(800);
        ReplacingGroup group = new ReplacingGroup("web",
                List.of(Member.inService("i-0w1", "us-east-1a"), Member.inService("i-0w2", "us-east-1b")), replaceAfter, Clock.systemUTC());
        try (FakeAws aws = new FakeAws(group)) {
            aws.server().stubFor(query("DescribeAutoScalingGroups").willReturn(aResponse().withTransformers(ReplacingGroup.NAME)));
            aws.server().stubFor(query("TerminateInstanceInAutoScalingGroup").willReturn(aResponse().withTransformers(ReplacingGroup.NAME)));
            aws.server().stubFor(query("DescribeInstances").willReturn(xml(AwsXml.describeInstances(List.of(
                    FakeInstance.running("i-0w1", "us-east-1a", Map.of("Name", "web-1")),
                    FakeInstance.running("i-0w2", "us-east-1b", Map.of("Name", "web-2"))), null))));
            aws.server().stubFor(query("DescribeInstanceAttribute").willReturn(xml(AwsXml.terminationProtection("i-0w1", false))));
            aws.server().stubFor(query("DescribeTargetHealth").willReturn(xml(AwsXml.describeTargetHealth(Map.of("i-0w2", "healthy")))));

            CliRun run = cli(args(aws, "run", "asg-terminate-one-per-group.yaml",
                    "--var", "group=web", "--var", "targetGroupArn=" + TARGET_GROUP, "--var", "interval=100ms", "--var", "pause=200ms",
                    "--seed", "7", "--journal-dir", dir.resolve("journals").toString(), "-o", "json"));

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode result = JSON.readTree(run.out());
            assertThat(result.get("outcome").asText()).isEqualTo("held");
            assertThat(result.get("selections").get(0).get("selected")).hasSize(1);
            assertThat(result.get("timeToRecoveryMs").asLong()).isGreaterThanOrEqualTo(replaceAfter.toMillis());
            assertThat(aws.queryCalls("TerminateInstanceInAutoScalingGroup")).singleElement().satisfies(r -> assertThat(FakeAws.form(r))
                    .containsEntry("ShouldDecrementDesiredCapacity", "false")
                    .containsEntry("InstanceId", result.get("selections").get(0).get("selected").get(0).asText()));
            assertThat(run.out() + run.err()).doesNotContain("andon-fake-secret");
        }
    }

    @Test
    @DisplayName("andon targets lists every member with the reason it may or may not be hit, touching nothing")
    void targetsShowsReasons() {
        try (FakeAws aws = new FakeAws()) {
            aws.server().stubFor(query("DescribeAutoScalingGroups").willReturn(xml(AwsXml.describeAutoScalingGroups(List.of(
                    new Group("web", 2, List.of(Member.inService("i-0w1", "us-east-1a"), Member.inService("i-0w2", "us-east-1b")), Map.of())), null))));
            aws.server().stubFor(query("DescribeInstances").willReturn(xml(AwsXml.describeInstances(List.of(
                    FakeInstance.running("i-0w1", "us-east-1a", Map.of("andon:enabled", "true")),
                    FakeInstance.running("i-0w2", "us-east-1b", Map.of())), null))));
            aws.server().stubFor(query("DescribeInstanceAttribute").willReturn(xml(AwsXml.terminationProtection("i-0w1", false))));

            CliRun run = cli(args(aws, "targets", "asg-terminate-one-per-group.yaml", "--var", "group=web", "--var", "targetGroupArn=" + TARGET_GROUP));

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("i-0w1").contains("i-0w2")
                    .contains("not opted in: tag the instance or its Auto Scaling group with andon:enabled=true");
            assertThat(aws.queryCalls("TerminateInstanceInAutoScalingGroup")).isEmpty();
        }
    }

    private static void zoneFleet(FakeAws aws, String stoppedState) {
        List<FakeInstance> fleet = List.of(
                FakeInstance.optedIn("i-0a1", "us-east-1a"), FakeInstance.optedIn("i-0a2", "us-east-1a"), FakeInstance.optedIn("i-0b1", "us-east-1b"));
        aws.server().stubFor(query("DescribeAutoScalingGroups").willReturn(xml(AwsXml.describeAutoScalingGroups(List.of(new Group("web", 3,
                List.of(Member.inService("i-0a1", "us-east-1a"), Member.inService("i-0a2", "us-east-1a"), Member.inService("i-0b1", "us-east-1b")),
                Map.of("service", "shop"))), null))));
        aws.server().stubFor(query("DescribeInstances").inScenario("zone").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(xml(AwsXml.describeInstances(fleet, null))));
        aws.server().stubFor(query("DescribeInstances").inScenario("zone").whenScenarioStateIs("dark")
                .willReturn(xml(AwsXml.describeInstances(fleet.stream().map(i -> i.withState(stoppedState)).toList(), null))));
        aws.server().stubFor(query("DescribeInstanceAttribute").willReturn(xml(AwsXml.terminationProtection("i-0a1", false))));
        aws.server().stubFor(query("DescribeTargetHealth").willReturn(xml(AwsXml.describeTargetHealth(Map.of("i-0b1", "healthy")))));
    }

    @Test
    @DisplayName("andon run --dry-run of the AZ outage proves ec2:StopInstances with DryRun=true and stops nothing")
    void azOutageDryRun() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            zoneFleet(aws, "stopped");
            aws.server().stubFor(cloudWatch("DescribeAlarms").willReturn(Cbor.answer(200, CloudWatchAlarmTest.alarms(Map.of("shop-5xx", "OK")))));
            aws.server().stubFor(query("StopInstances").willReturn(ec2Error(412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.")));

            CliRun run = cli(args(aws, "run", "az-outage.yaml", "--dry-run", "--var", "groupTag=shop", "--var", "alarm=shop-5xx",
                    "--var", "targetGroupArn=" + TARGET_GROUP, "--var", "interval=100ms", "--var", "pause=100ms",
                    "--journal-dir", dir.resolve("journals").toString(), "-o", "json"));

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(aws.queryCalls("StopInstances")).isNotEmpty()
                    .allSatisfy(r -> assertThat(FakeAws.form(r)).containsEntry("DryRun", "true"));
            List<String> zones = aws.queryCalls("StopInstances").stream().map(r -> FakeAws.form(r).get("InstanceId.1").substring(3, 4)).distinct().toList();
            assertThat(zones).as("one zone only").hasSize(1);
        }
    }

    @Test
    @DisplayName("a CloudWatch stop alarm going to ALARM aborts the AZ outage (exit 3) and the rollback starts the instances again")
    void stopAlarmAborts() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            zoneFleet(aws, "stopped");
            aws.server().stubFor(query("StopInstances").inScenario("zone").willReturn(xml(AwsXml.stateChange("StopInstances", "i-0", "running", "stopping")))
                    .willSetStateTo("dark"));
            aws.server().stubFor(query("StartInstances").willReturn(xml(AwsXml.stateChange("StartInstances", "i-0", "stopped", "pending"))));
            aws.server().stubFor(cloudWatch("DescribeAlarms").inScenario("zone").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(Cbor.answer(200, CloudWatchAlarmTest.alarms(Map.of("shop-5xx", "OK")))));
            aws.server().stubFor(cloudWatch("DescribeAlarms").inScenario("zone").whenScenarioStateIs("dark")
                    .willReturn(Cbor.answer(200, CloudWatchAlarmTest.alarms(Map.of("shop-5xx", "ALARM")))));

            CliRun run = cli(args(aws, "run", "az-outage.yaml", "--var", "groupTag=shop", "--var", "alarm=shop-5xx",
                    "--var", "targetGroupArn=" + TARGET_GROUP, "--var", "interval=100ms", "--var", "pause=2m",
                    "--setting", "aws.stopAlarmInterval=100ms",
                    "--journal-dir", dir.resolve("journals").toString(), "-o", "json"));

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
            JsonNode result = JSON.readTree(run.out());
            assertThat(result.get("reason").asText()).contains("stop condition: CloudWatch alarm shop-5xx is in ALARM");
            List<String> stopped = aws.queryCalls("StopInstances").stream().map(r -> FakeAws.form(r).get("InstanceId.1")).sorted().toList();
            List<String> started = aws.queryCalls("StartInstances").stream().map(r -> FakeAws.form(r).get("InstanceId.1")).sorted().toList();
            assertThat(stopped).isNotEmpty();
            assertThat(started).isEqualTo(stopped);
            assertThat(result.get("durationMs").asLong()).as("aborted long before the 2m pause ended").isLessThan(60_000);
        }
    }

    @Test
    @DisplayName("andon run of the stop-and-restart example stops 20% of the team's instances and starts them again after revertAfter")
    void stopsAndRestarts() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            List<FakeInstance> fleet = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                fleet.add(FakeInstance.running("i-0s" + i, "us-east-1a", Map.of("team", "shop", "andon:enabled", "true")));
            }
            aws.server().stubFor(query("DescribeInstances").inScenario("stop").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(xml(AwsXml.describeInstances(fleet, null))));
            aws.server().stubFor(query("StopInstances").inScenario("stop").willReturn(xml(AwsXml.stateChange("StopInstances", "i-0", "running", "stopping")))
                    .willSetStateTo("stopped"));
            aws.server().stubFor(query("DescribeInstances").inScenario("stop").whenScenarioStateIs("stopped")
                    .willReturn(xml(AwsXml.describeInstances(fleet.stream().map(i -> i.withState("stopped")).toList(), null))));
            aws.server().stubFor(query("StartInstances").willReturn(xml(AwsXml.stateChange("StartInstances", "i-0", "stopped", "pending"))));
            aws.server().stubFor(query("DescribeInstanceAttribute").willReturn(xml(AwsXml.terminationProtection("i-0s0", false))));
            aws.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/health").willReturn(aResponse().withStatus(200)));

            CliRun run = cli(args(aws, "run", "ec2-stop-and-restart.yaml", "--var", "team=shop", "--var", "healthUrl=" + aws.endpoint() + "/health",
                    "--var", "stopFor=300ms", "--var", "watchFor=800ms", "--var", "interval=100ms", "--journal-dir", dir.resolve("journals").toString(), "-o", "json"));

            assertThat(run.exitCode()).as(run.toString()).isZero();
            List<String> stopped = aws.queryCalls("StopInstances").stream().map(r -> FakeAws.form(r).get("InstanceId.1")).sorted().toList();
            List<String> started = aws.queryCalls("StartInstances").stream().map(r -> FakeAws.form(r).get("InstanceId.1")).sorted().toList();
            assertThat(stopped).hasSize(2);
            assertThat(started).isEqualTo(stopped);
            JsonNode result = JSON.readTree(run.out());
            assertThat(result.get("durationMs").asLong()).as("the restart happened within the method's 800ms").isGreaterThanOrEqualTo(800);
            Map<String, String> filters = FakeAws.form(aws.queryCalls("DescribeInstances").get(0));
            assertThat(filters).containsEntry("Filter.2.Name", "tag:team").containsEntry("Filter.2.Value.1", "shop")
                    .containsEntry("Filter.3.Name", "instance-type").containsEntry("Filter.3.Value.2", "t3.medium");
        }
    }

    @Test
    @DisplayName("andon run of the ECS example stops one task per opted-in service with a reason naming the run")
    void stopsOneTaskPerService() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            aws.server().stubFor(FakeAws.ecs("ListTasks").willReturn(FakeAws.ecsJson(EcsJson.write(Map.of("taskArns", List.of(
                    EcsJson.taskArn("shop", "w1"), EcsJson.taskArn("shop", "w2"), EcsJson.taskArn("shop", "a1"), EcsJson.taskArn("shop", "a2")))))));
            aws.server().stubFor(FakeAws.ecs("DescribeTasks").willReturn(FakeAws.ecsJson(EcsJson.write(Map.of("failures", List.of(), "tasks", List.of(
                    EcsJson.task("shop", "w1", "web", "us-east-1a", Map.of()), EcsJson.task("shop", "w2", "web", "us-east-1b", Map.of()),
                    EcsJson.task("shop", "a1", "api", "us-east-1a", Map.of()), EcsJson.task("shop", "a2", "api", "us-east-1b", Map.of())))))));
            aws.server().stubFor(FakeAws.ecs("DescribeServices").willReturn(FakeAws.ecsJson(EcsJson.write(Map.of("failures", List.of(), "services", List.of(
                    EcsJson.service("shop", "web", 2, 2, Map.of("andon:enabled", "true")), EcsJson.service("shop", "api", 2, 2, Map.of("andon:enabled", "true"))))))));
            aws.server().stubFor(FakeAws.ecs("StopTask").willReturn(FakeAws.ecsJson("{\"task\":{\"desiredStatus\":\"STOPPED\"}}")));

            CliRun run = cli(args(aws, "run", "ecs-stop-one-task-per-service.yaml", "--var", "cluster=shop", "--seed", "11",
                    "--journal-dir", dir.resolve("journals").toString(), "-o", "json"));

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode result = JSON.readTree(run.out());
            List<Map<String, Object>> stops = aws.ecsCalls("StopTask").stream().map(r -> EcsJson.read(r.getBodyAsString())).toList();
            assertThat(stops).hasSize(2).allSatisfy(b -> assertThat(b).containsEntry("reason",
                    "Andon run " + result.get("runId").asText() + " (experiment ecs-stop-one-task-per-service)"));
            assertThat(stops.stream().map(b -> b.get("task").toString().replaceAll(".*/([a-z])[0-9]$", "$1")).sorted().toList())
                    .as("one task of each service").containsExactly("a", "w");
        }
    }
}
