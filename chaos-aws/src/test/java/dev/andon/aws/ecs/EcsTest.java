package dev.andon.aws.ecs;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dev.andon.aws.FakeAws.ecs;
import static dev.andon.aws.FakeAws.ecsError;
import static dev.andon.aws.FakeAws.ecsJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.andon.aws.FakeAws;
import dev.andon.aws.TestRun;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Candidate;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.spi.ProviderException;
import dev.andon.core.spi.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EcsTest {

    private final FakeAws aws = new FakeAws();

    @AfterEach
    void stop() {
        aws.close();
    }

    private void cluster() {
        aws.server().stubFor(ecs("ListTasks").atPriority(5).willReturn(ecsJson(EcsJson.write(Map.of(
                "taskArns", List.of(EcsJson.taskArn("shop", "t1"), EcsJson.taskArn("shop", "t2")), "nextToken", "more")))));
        aws.server().stubFor(ecs("ListTasks").atPriority(1).withRequestBody(containing("\"nextToken\":\"more\"")).willReturn(ecsJson(EcsJson.write(Map.of(
                "taskArns", List.of(EcsJson.taskArn("shop", "t3")))))));
        aws.server().stubFor(ecs("DescribeTasks").willReturn(ecsJson(EcsJson.write(Map.of("failures", List.of(), "tasks", List.of(
                EcsJson.task("shop", "t1", "web", "us-east-1a", Map.of()),
                EcsJson.task("shop", "t2", "web", "us-east-1b", Map.of("andon:protected", "true")),
                EcsJson.task("shop", "t3", "api", "us-east-1a", Map.of())))))));
        aws.server().stubFor(ecs("DescribeServices").willReturn(ecsJson(EcsJson.write(Map.of("failures", List.of(), "services", List.of(
                EcsJson.service("shop", "web", 2, 2, Map.of("andon:enabled", "true")),
                EcsJson.service("shop", "api", 1, 1, Map.of())))))));
    }

    @Test
    @DisplayName("lists running tasks across ListTasks pages, grouped per service, with opt-in on the service")
    void listsTasks() throws Exception {
        cluster();
        try (TestRun run = aws.run()) {
            Candidates found = new EcsTaskProvider().candidates(Parameters.of(Map.of("cluster", "shop", "launchType", "FARGATE")), run);

            Map<String, String> reasons = new TreeMap<>();
            for (Candidate c : found.candidates()) {
                reasons.put(c.target().name(), c.exclusion().orElse("eligible"));
            }
            assertThat(reasons).isEqualTo(Map.of(
                    "t1", "eligible",
                    "t2", "the task is tagged andon:protected",
                    "t3", "not opted in: tag the task or its service with andon:enabled=true"));
            assertThat(found.eligible()).singleElement().satisfies(t -> {
                assertThat(t.group()).isEqualTo("web");
                assertThat(t.attribute("zone")).isEqualTo("us-east-1a");
            });
            assertThat(found.apiCalls()).isEqualTo(4);
        }
        Map<String, Object> list = EcsJson.read(aws.ecsCalls("ListTasks").get(0).getBodyAsString());
        assertThat(list).containsEntry("cluster", "shop").containsEntry("desiredStatus", "RUNNING").containsEntry("launchType", "FARGATE");
        assertThat(EcsJson.read(aws.ecsCalls("DescribeTasks").get(0).getBodyAsString())).containsEntry("include", List.of("TAGS"));
        assertThat(aws.ecsCalls("ListTasks").get(0).getHeader("Content-Type")).isEqualTo("application/x-amz-json-1.1");
    }

    @Test
    @DisplayName("stop-task sends StopTask with a reason that names the run")
    void stopsTaskNamingTheRun() throws Exception {
        aws.server().stubFor(ecs("StopTask").willReturn(ecsJson(EcsJson.write(Map.of("task", Map.of(
                "taskArn", EcsJson.taskArn("shop", "t1"), "lastStatus", "RUNNING", "desiredStatus", "STOPPED"))))));
        Target task = new Target(EcsTaskProvider.NAME, EcsJson.taskArn("shop", "t1"), "t1", "web", Map.of(),
                Map.of("cluster", EcsJson.clusterArn("shop")));

        try (TestRun run = aws.run()) {
            var effect = new EcsStopTaskAction().apply(new ActionRequest(Optional.of(task), Parameters.empty(), run));

            assertThat(effect.summary()).isEqualTo("stopped task t1 of web");
            Map<String, Object> sent = EcsJson.read(aws.ecsCalls("StopTask").get(0).getBodyAsString());
            assertThat(sent).containsEntry("cluster", EcsJson.clusterArn("shop")).containsEntry("task", EcsJson.taskArn("shop", "t1"))
                    .containsEntry("reason", "Andon run " + run.runId() + " (experiment aws-test)");
        }
    }

    @Test
    @DisplayName("a task already gone is NOT_FOUND; AccessDeniedException names ecs:StopTask")
    void errors() throws Exception {
        Target task = new Target(EcsTaskProvider.NAME, EcsJson.taskArn("shop", "t1"), "t1", "web", Map.of(), Map.of("cluster", "shop"));
        aws.server().stubFor(ecs("StopTask").willReturn(ecsError(400, "InvalidParameterException", "The referenced task was not found.")));
        try (TestRun run = aws.run()) {
            assertThatThrownBy(() -> new EcsStopTaskAction().apply(new ActionRequest(Optional.of(task), Parameters.empty(), run)))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.NOT_FOUND));
        }
        aws.server().resetAll();
        aws.server().stubFor(ecs("StopTask").willReturn(ecsError(400, "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/chaos is not authorized to perform: ecs:StopTask")));
        try (TestRun run = aws.run()) {
            assertThatThrownBy(() -> new EcsStopTaskAction().apply(new ActionRequest(Optional.of(task), Parameters.empty(), run)))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.FORBIDDEN);
                        assertThat(e.getMessage()).startsWith("not authorized to ecs:StopTask on task " + task.id());
                    });
        }
    }

    @Test
    @DisplayName("service-steady is ok when running equals desired, not ok while a replacement is pending")
    void serviceSteady() throws Exception {
        aws.server().stubFor(ecs("DescribeServices").willReturn(ecsJson(EcsJson.write(Map.of("failures", List.of(), "services", List.of(
                EcsJson.service("shop", "web", 3, 2, Map.of())))))));
        try (TestRun run = aws.run()) {
            ProbeObservation o = new EcsServiceSteadyProbe().observe(Parameters.of(Map.of("cluster", "shop", "service", "web")), run);

            assertThat(o.values()).containsEntry(ProbeObservation.OK, false).containsEntry(ProbeObservation.VALUE, 2L).containsEntry("desired", 3);
        }
    }

    @Test
    @DisplayName("never lists the task Andon runs in as eligible, recognised through the ECS task metadata endpoint")
    void selfProtection() throws Exception {
        cluster();
        aws.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v4/abc/task").willReturn(ecsJson(
                EcsJson.write(Map.of("Cluster", EcsJson.clusterArn("shop"), "TaskARN", EcsJson.taskArn("shop", "t1"))))));
        Map<String, Object> settings = new java.util.HashMap<>(aws.settings());
        settings.put("taskMetadataEndpoint", aws.endpoint() + "/v4/abc");

        try (TestRun run = aws.run(settings, false)) {
            Candidates found = new EcsTaskProvider().candidates(Parameters.of(Map.of("cluster", "shop")), run);

            assertThat(found.candidates()).filteredOn(c -> c.target().name().equals("t1")).singleElement()
                    .satisfies(c -> assertThat(c.exclusion()).hasValueSatisfying(r -> assertThat(r).startsWith("Andon runs in this task")));
            assertThat(found.eligible()).isEmpty();
        }
    }
}
