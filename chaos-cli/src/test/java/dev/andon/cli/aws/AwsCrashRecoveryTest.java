package dev.andon.cli.aws;

import static dev.andon.aws.FakeAws.query;
import static dev.andon.aws.FakeAws.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.andon.aws.AwsXml;
import dev.andon.aws.FakeAws;
import dev.andon.aws.FakeInstance;
import dev.andon.cli.CliRun;
import dev.andon.cli.Main;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Andon is killed while an instance is stopped: recovery, from a process with none of the run's settings, starts it again. */
class AwsCrashRecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @DisplayName("an instance stopped by a run killed with SIGKILL is started again by andon recover, in the run's region and endpoint")
    void recoversStoppedInstance() throws Exception {
        try (FakeAws aws = new FakeAws()) {
            FakeInstance web = FakeInstance.running("i-0crash", "us-east-1a", Map.of("team", "shop", "andon:enabled", "true"));
            aws.server().stubFor(query("DescribeInstances").inScenario("crash").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(xml(AwsXml.describeInstances(List.of(web), null))));
            aws.server().stubFor(query("StopInstances").inScenario("crash")
                    .willReturn(xml(AwsXml.stateChange("StopInstances", "i-0crash", "running", "stopping"))).willSetStateTo("stopped"));
            aws.server().stubFor(query("DescribeInstances").inScenario("crash").whenScenarioStateIs("stopped")
                    .willReturn(xml(AwsXml.describeInstances(List.of(web.withState("stopped")), null))));
            aws.server().stubFor(query("StartInstances").willReturn(xml(AwsXml.stateChange("StartInstances", "i-0crash", "stopped", "pending"))));
            aws.server().stubFor(query("DescribeInstanceAttribute").willReturn(xml(AwsXml.terminationProtection("i-0crash", false))));
            // No hypothesis: a slow probe on a loaded machine must not end the run before it is killed.
            Path file = dir.resolve("stop.yaml");
            Files.writeString(file, """
                    apiVersion: andon.dev/v1
                    kind: Experiment
                    metadata: { name: stop-and-crash }
                    spec:
                      targets:
                        web: { provider: aws.ec2.instance, selector: { tags: { team: shop } }, mode: one }
                      method:
                        - { action: aws.ec2.stop, target: web, revertAfter: 10m }
                        - pause: 10m
                    """);
            Path journals = dir.resolve("journals");
            Path journal = journals.resolve("crash.json");

            Process andon = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "run", file.toString(), "--journal", journal.toString(),
                    "--region", FakeAws.REGION, "--setting", "aws.endpoint=" + aws.endpoint(),
                    "--setting", "aws.credentialsFile=" + aws.credentialsFile(), "--setting", "aws.metadataEndpoint=" + aws.endpoint())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("andon.log").toFile()).start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> !aws.queryCalls("StopInstances").isEmpty());
                await().atMost(Duration.ofSeconds(10)).until(() -> readable(journal) && "done".equals(
                        JSON.readTree(journal.toFile()).path("actions").path(0).path("status").asText()));
            } finally {
                andon.destroyForcibly().waitFor();
            }
            assertThat(aws.queryCalls("StartInstances")).as("the fault is still in place after the crash; log:%n%s", Files.readString(dir.resolve("andon.log"))).isEmpty();

            // No --region, no --setting: the undo carries the connection it needs.
            CliRun recover = CliRun.of("recover", "--journal-dir", journals.toString());

            assertThat(recover.exitCode()).as(recover.toString()).isZero();
            assertThat(recover.out()).contains("1 pending undo(s) run");
            assertThat(aws.queryCalls("StartInstances")).singleElement().satisfies(r -> {
                assertThat(FakeAws.form(r)).containsEntry("InstanceId.1", "i-0crash");
                assertThat(r.getHeader("Authorization")).contains("/us-east-1/ec2/aws4_request");
            });
            JsonNode finished = JSON.readTree(journal.toFile());
            assertThat(finished.path("undos").get(0).path("status").asText()).isEqualTo("done");
        }
    }

    private static boolean readable(Path journal) {
        try {
            return Files.exists(journal) && JSON.readTree(journal.toFile()) != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static String javaBin() {
        return String.join(File.separator, List.of(System.getProperty("java.home"), "bin", "java"));
    }
}
