package dev.andon.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.andon.core.spi.Action;
import dev.andon.core.spi.ActionRequest;
import dev.andon.core.spi.Candidates;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.Parameters;
import dev.andon.core.spi.PluginRegistry;
import dev.andon.core.spi.Probe;
import dev.andon.core.spi.ProbeObservation;
import dev.andon.core.spi.RunContext;
import dev.andon.core.spi.Target;
import dev.andon.core.testing.SimpleRunContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The local adapter, found through the registry as the CLI finds it, against a real practice fleet. */
class LocalAdapterOnFleetTest {

    private final PluginRegistry registry = PluginRegistry.load();
    private final RunContext context = new SimpleRunContext();
    private PracticeFleet fleet;

    @BeforeEach
    void startFleet() throws Exception {
        fleet = PracticeFleet.start(2, 0, Duration.ofMillis(200));
    }

    @AfterEach
    void closeFleet() {
        fleet.close();
    }

    @Test
    @DisplayName("commandMatches: fleet-replica selects the replicas; process.kill KILL takes one down, the front holds and it comes back")
    void killOneReplica() throws Exception {
        List<Target> replicas = replicasOfThisFleet();
        assertThat(replicas).extracting(t -> Long.parseLong(t.id())).containsExactlyInAnyOrderElementsOf(fleet.replicaPids());
        Target victim = replicas.get(0);

        action("process.kill").apply(new ActionRequest(Optional.of(victim), Parameters.of(Map.of("signal", "KILL")), context));

        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(Long.parseLong(victim.id())).map(p -> !p.isAlive()).orElse(true));
        assertThat(frontAnswers().value("status")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !fleet.replicaPids().contains(Long.parseLong(victim.id()))
                && fleet.replicaPids().stream().allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
        assertThat(replicasOfThisFleet()).hasSize(2).noneMatch(t -> t.id().equals(victim.id()));
    }

    @Test
    @DisplayName("a STOPped replica is skipped by the front; its planned CONT undo brings it back to answering")
    void pauseOneReplica() throws Exception {
        Target victim = replicasOfThisFleet().get(0);
        Action kill = action("process.kill");
        ActionRequest stop = new ActionRequest(Optional.of(victim), Parameters.of(Map.of("signal", "STOP")), context);

        Compensation undo = kill.plannedUndo(stop).orElseThrow();
        kill.apply(stop);

        await().atMost(Duration.ofSeconds(5)).until(() -> state(victim.id()) == 'T');
        for (int i = 0; i < 2; i++) {
            assertThat(frontAnswers().value("status")).as("request %d while a replica is stopped", i).isEqualTo(200);
        }
        action(undo.action()).apply(new ActionRequest(undo.target(), Parameters.of(undo.parameters()), context));

        await().atMost(Duration.ofSeconds(5)).until(() -> state(victim.id()) != 'T');
        ProbeObservation direct = probe("http").observe(Parameters.of(Map.of(
                "url", "http://127.0.0.1:" + fleet.replicaPorts().get(fleet.replicaPids().indexOf(Long.parseLong(victim.id()))) + "/",
                "timeout", Duration.ofSeconds(5))), context);
        assertThat(direct.values()).containsEntry("status", 200);
        assertThat((String) direct.value("body")).contains("\"pid\":" + victim.id());
    }

    private List<Target> replicasOfThisFleet() throws Exception {
        // Other fleets may run on this machine (other builds): the fleet id keeps the test to its own replicas.
        Candidates found = registry.provider("local.process").orElseThrow().candidates(
                Parameters.of(Map.of("commandMatches", "fleet-replica .*--fleet " + fleet.id())), context);
        assertThat(found.candidates()).allMatch(c -> c.isEligible());
        return found.eligible();
    }

    private ProbeObservation frontAnswers() {
        return probe("http").observe(Parameters.of(Map.of("url", fleet.frontUrl().toString(), "timeout", Duration.ofSeconds(10))), context);
    }

    private Action action(String name) {
        return registry.action(name).orElseThrow();
    }

    private Probe probe(String name) {
        return registry.probe(name).orElseThrow();
    }

    private static char state(String pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }
}
