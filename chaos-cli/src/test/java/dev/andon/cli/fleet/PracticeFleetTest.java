package dev.andon.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PracticeFleetTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<PracticeFleet> fleets = new ArrayList<>();

    @AfterEach
    void closeFleets() {
        fleets.forEach(PracticeFleet::close);
    }

    @Test
    @DisplayName("the front answers 200 with a replica's JSON, round-robin over the replicas")
    void frontAnswersRoundRobin() throws Exception {
        PracticeFleet fleet = start(2, Duration.ofSeconds(1));

        HttpResponse<String> first = get(fleet);
        HttpResponse<String> second = get(fleet);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).contains("application/json");
        Set<String> replicas = Set.of(first.headers().firstValue("X-Andon-Replica").orElseThrow(),
                second.headers().firstValue("X-Andon-Replica").orElseThrow());
        assertThat(replicas).containsExactlyInAnyOrder("replica-1", "replica-2");
        assertThat(first.body()).matches("\\{\"replica\":\"replica-[12]\",\"pid\":\\d+}\\n");
        assertThat(fleet.replicaPids()).hasSize(2).doesNotHaveDuplicates();
        assertThat(fleet.frontUrl()).isEqualTo(URI.create("http://127.0.0.1:" + fleet.frontPort() + "/"));
    }

    @Test
    @DisplayName("after SIGKILL of a replica the front keeps answering and the replica comes back with a new PID")
    void killedReplicaComesBack() throws Exception {
        PracticeFleet fleet = start(2, Duration.ofMillis(200));
        long victim = fleet.replicaPids().get(0);
        long survivor = fleet.replicaPids().get(1);

        ProcessHandle.of(victim).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(victim).map(p -> !p.isAlive()).orElse(true));

        for (int i = 0; i < 4; i++) {
            HttpResponse<String> answer = get(fleet);
            assertThat(answer.statusCode()).as("request %d right after the kill", i).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> fleet.replicaPids().get(0) != victim);
        assertThat(fleet.replicaPids()).containsExactly(fleet.replicaPids().get(0), survivor);
        assertThat(ProcessHandle.of(fleet.replicaPids().get(0))).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        assertThat(events).anySatisfy(e -> assertThat(e).startsWith("replica-1 (pid " + victim + ") exited with status 137"));
        await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().anyMatch(e -> e.startsWith("replica-1 is back as pid ")));
        Set<String> answeredBy = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            answeredBy.add(get(fleet).headers().firstValue("X-Andon-Replica").orElseThrow());
        }
        assertThat(answeredBy).containsExactlyInAnyOrder("replica-1", "replica-2");
    }

    @Test
    @DisplayName("the front answers 503 when no replica is alive")
    void unavailableWhenAllReplicasAreDown() throws Exception {
        PracticeFleet fleet = start(1, Duration.ofMinutes(10));
        long only = fleet.replicaPids().get(0);

        ProcessHandle.of(only).orElseThrow().destroyForcibly();
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(only).map(p -> !p.isAlive()).orElse(true));

        HttpResponse<String> answer = get(fleet);
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).isEqualTo("no replica of the practice fleet answered\n");
    }

    @Test
    @DisplayName("/_fleet reports how many replicas answer: all at first, one fewer while a killed replica is down")
    void statusPageCountsAnsweringReplicas() throws Exception {
        PracticeFleet fleet = start(2, Duration.ofMinutes(10));
        List<Long> pids = fleet.replicaPids();

        HttpResponse<String> healthy = get(fleet, "/_fleet");
        ProcessHandle.of(pids.get(1)).orElseThrow().destroyForcibly();

        assertThat(healthy.statusCode()).isEqualTo(200);
        assertThat(healthy.body()).isEqualTo("{\"replicas\":2,\"up\":2,\"members\":["
                + "{\"name\":\"replica-1\",\"pid\":" + pids.get(0) + ",\"port\":" + fleet.replicaPorts().get(0) + ",\"up\":true},"
                + "{\"name\":\"replica-2\",\"pid\":" + pids.get(1) + ",\"port\":" + fleet.replicaPorts().get(1) + ",\"up\":true}]}\n");
        await().atMost(Duration.ofSeconds(5)).until(() -> get(fleet, "/_fleet").body().startsWith("{\"replicas\":2,\"up\":1,"));
        assertThat(get(fleet, "/_fleet").body()).contains("\"pid\":" + pids.get(1) + ",\"port\":" + fleet.replicaPorts().get(1) + ",\"up\":false}");
    }

    @Test
    @DisplayName("close() kills every replica and leaves no process of the fleet behind")
    void closeLeavesNothingBehind() throws Exception {
        PracticeFleet fleet = start(2, Duration.ofMillis(100));
        List<Long> pids = fleet.replicaPids();
        assertThat(replicaProcessesOf(fleet)).containsExactlyInAnyOrderElementsOf(pids);

        fleet.close();

        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        assertThat(replicaProcessesOf(fleet)).isEmpty();
        assertThatThrownBy(() -> get(fleet)).isInstanceOf(IOException.class);
    }

    @Test
    @DisplayName("a front port in use is refused with a message naming the port, and no replica is left running")
    void portInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> PracticeFleet.start(1, taken.getLocalPort(), Duration.ofSeconds(1)))
                    .isInstanceOf(BindException.class)
                    .hasMessage("port " + taken.getLocalPort() + " is in use; choose another port, or 0 for any free port");
        }
    }

    @Test
    @DisplayName("rejects fewer than one replica, a port out of range and a negative restart delay")
    void validatesArguments() {
        assertThatThrownBy(() -> PracticeFleet.start(0, 0, Duration.ofSeconds(1)))
                .hasMessage("replicas must be at least 1, but was 0");
        assertThatThrownBy(() -> PracticeFleet.start(1, 70000, Duration.ofSeconds(1)))
                .hasMessage("frontPort must be between 0 and 65535, but was 70000");
        assertThatThrownBy(() -> PracticeFleet.start(1, 0, Duration.ofSeconds(-1)))
                .hasMessage("restartDelay must not be negative, but was PT-1S");
    }

    private PracticeFleet start(int replicas, Duration restartDelay) throws Exception {
        PracticeFleet fleet = PracticeFleet.start(replicas, 0, restartDelay, events::add);
        fleets.add(fleet);
        return fleet;
    }

    private HttpResponse<String> get(PracticeFleet fleet) throws IOException, InterruptedException {
        return get(fleet, "/");
    }

    private HttpResponse<String> get(PracticeFleet fleet, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(fleet.frontUrl().resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every live process on the machine whose command line carries this fleet's id. */
    static List<Long> replicaProcessesOf(PracticeFleet fleet) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(fleet.id())).orElse(false))
                .map(ProcessHandle::pid)
                .toList();
    }
}
