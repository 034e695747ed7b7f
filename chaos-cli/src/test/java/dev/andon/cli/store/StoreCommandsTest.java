package dev.andon.cli.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.cli.CliRun;
import dev.andon.core.spi.Compensation;
import dev.andon.core.spi.Target;
import dev.andon.core.store.AndonStore;
import dev.andon.core.store.NodeIdentity;
import dev.andon.core.store.RunEnd;
import dev.andon.core.store.RunStart;
import dev.andon.core.store.RunStatus;
import dev.andon.core.store.StoreConfig;
import dev.andon.core.store.jdbc.JdbcAndonStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("andon halt, resume and history")
class StoreCommandsTest {

    private static final String USER = System.getProperty("user.name");

    @TempDir
    Path dataDir;

    private Process sleeper;

    @AfterEach
    void stopSleeper() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    private CliRun andon(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(dataDir.toString());
        return CliRun.of(all.toArray(String[]::new));
    }

    private AndonStore store() {
        return JdbcAndonStore.open(StoreConfig.h2(dataDir));
    }

    @Test
    @DisplayName("halt and resume are recorded with the OS user and the reason, and listed by history --cord")
    void haltAndResume() {
        CliRun halt = andon("halt", "--reason", "payments incident");
        assertThat(halt.exitCode()).isZero();
        assertThat(halt.out()).contains("halted by " + USER + " at ").contains(": payments incident");

        CliRun history = andon("history");
        assertThat(history.out()).startsWith("HALTED: halted by " + USER);

        CliRun resume = andon("resume", "--reason", "incident closed");
        assertThat(resume.exitCode()).isZero();
        assertThat(resume.out()).contains("resumed by " + USER).contains("incident closed");
        assertThat(andon("resume", "--reason", "again").out()).contains("not halted: nothing to resume");

        CliRun cord = andon("history", "--cord");
        assertThat(cord.out().lines().toList()).hasSize(2);
        assertThat(cord.out().lines().toList().get(0)).startsWith("resumed by " + USER);
        assertThat(cord.out().lines().toList().get(1)).startsWith("halted by " + USER).endsWith("payments incident");
    }

    @Test
    @DisplayName("a halt made on the command line is in force for every later opening of the store")
    void haltIsDurable() {
        andon("halt", "--reason", "game day prep");

        try (AndonStore store = store()) {
            assertThat(store.halts().currentHalt()).hasValueSatisfying(h -> {
                assertThat(h.who()).isEqualTo(USER);
                assertThat(h.why()).isEqualTo("game day prep");
            });
        }
    }

    @Test
    @DisplayName("halt and resume need a reason")
    void reasonIsRequired() {
        CliRun halt = andon("halt");

        assertThat(halt.exitCode()).isEqualTo(2);
        assertThat(halt.err()).contains("--reason");
    }

    @Test
    @DisplayName("history answers why nothing was killed: skips show their guard's reason")
    void historyShowsSkipReasons() {
        Instant now = Instant.now();
        try (AndonStore store = store()) {
            NodeIdentity node = new NodeIdentity("node-a", "host-a", 1, Optional.empty());
            store.runs().skipped(new RunStart("s1", "kill-one", "schedule:weekdays", node, now.minusSeconds(60), 1L, false,
                    Optional.empty()), "outside the kill window (Mon-Fri 09:00-15:00 Europe/Berlin)");
        }

        CliRun table = andon("history", "--since", "24h", "--outcome", "skipped");

        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines().toList()).hasSize(2);
        assertThat(table.out()).contains("STARTED").contains("REASON")
                .contains("s1").contains("skipped").contains("outside the kill window (Mon-Fri 09:00-15:00 Europe/Berlin)");
    }

    @Test
    @DisplayName("history filters by experiment, outcome, since and node, and prints JSON for scripts")
    void historyFiltersAsJson() throws Exception {
        Instant now = Instant.now();
        try (AndonStore store = store()) {
            NodeIdentity a = new NodeIdentity("node-a", "host-a", 1, Optional.empty());
            NodeIdentity b = new NodeIdentity("node-b", "host-b", 2, Optional.empty());
            record(store, "old", "kill-one", a, now.minus(Duration.ofDays(3)), RunStatus.HELD);
            record(store, "a-held", "kill-one", a, now.minus(Duration.ofHours(2)), RunStatus.HELD);
            record(store, "b-deviated", "kill-one", b, now.minus(Duration.ofHours(1)), RunStatus.DEVIATED);
            record(store, "a-other", "drain-node", a, now.minusSeconds(60), RunStatus.HELD);
        }

        assertThat(ids(andon("history", "-o", "json"))).containsExactly("a-other", "b-deviated", "a-held", "old");
        assertThat(ids(andon("history", "-o", "json", "--experiment", "kill-one", "--since", "24h")))
                .containsExactly("b-deviated", "a-held");
        assertThat(ids(andon("history", "-o", "json", "--outcome", "deviated"))).containsExactly("b-deviated");
        assertThat(ids(andon("history", "-o", "json", "--node", "node-a", "--since", "1d"))).containsExactly("a-other", "a-held");
        assertThat(ids(andon("history", "-o", "json", "--limit", "1"))).containsExactly("a-other");

        JsonNode run = new ObjectMapper().readTree(andon("history", "-o", "json", "--outcome", "deviated").out()).get("runs").get(0);
        assertThat(run.get("timeToRecoveryMs").asLong()).isEqualTo(1500);
        assertThat(run.get("selectedTargets").get(0).asText()).isEqualTo("pods/checkout-1");
        assertThat(run.get("node").asText()).isEqualTo("node-b");
    }

    private static void record(AndonStore store, String id, String experiment, NodeIdentity node, Instant at, RunStatus status) {
        store.runs().started(new RunStart(id, experiment, "cli", node, at, 1L, false, Optional.empty()));
        store.runs().finished(new RunEnd(id, status, status.spelling(), status == RunStatus.DEVIATED,
                Optional.of(Duration.ofMillis(1500)), List.of("pods/checkout-1"), at.plusSeconds(30)));
    }

    private static List<String> ids(CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> ids = new ArrayList<>();
        new ObjectMapper().readTree(run.out()).get("runs").forEach(r -> ids.add(r.get("runId").asText()));
        return ids;
    }

    @Test
    @DisplayName("bad filters are one line naming the option and what it accepts")
    void badFilters() {
        CliRun since = andon("history", "--since", "yesterday");
        CliRun outcome = andon("history", "--outcome", "exploded");
        CliRun both = andon("history", "--db", "jdbc:postgresql://127.0.0.1:5432/andon");

        assertThat(since.exitCode()).isEqualTo(2);
        assertThat(since.err().strip()).isEqualTo("error: --since yesterday: expected a duration back from now (24h, 7d, 90m),"
                + " a date (2026-11-26, UTC) or an instant (2026-11-26T09:00:00Z)");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err()).contains("--outcome exploded: expected one of running, held, deviated, aborted, failed, interrupted, skipped");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--data-dir and --db name two different stores");
    }

    @Test
    @DisplayName("a command opening the store first recovers a run whose process died, undoing its fault")
    void commandsRecoverInterruptedRuns() throws Exception {
        sleeper = new ProcessBuilder("sleep", "300").start();
        long pid = sleeper.pid();
        new ProcessBuilder("kill", "-STOP", Long.toString(pid)).start().waitFor();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String started = sleeper.info().startInstant().orElseThrow().toString();
        Target target = new Target("local.process", Long.toString(pid), "sleep 300", "sleepers", Map.of(),
                Map.of("pid", Long.toString(pid), "started", started));
        try (AndonStore store = store()) {
            NodeIdentity dead = new NodeIdentity("here", NodeIdentity.localHostName(), gone.pid(), Optional.empty());
            store.runs().started(new RunStart("r-dead", "freeze-sleeper", "cli", dead, Instant.now(), 1L, false, Optional.empty()));
            store.undos().planned("r-dead", "undo-1", new Compensation("process.signal", Optional.of(target), Map.of("signal", "CONT"),
                    "resume " + pid + " with CONT"), Instant.now());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> state(pid) == 'T');

        CliRun history = andon("history");

        assertThat(history.exitCode()).isZero();
        assertThat(history.err()).contains("recovered run r-dead (freeze-sleeper)").contains("undo done");
        assertThat(history.out()).contains("interrupted").contains("1 of 1 pending undos executed");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(state(pid)).isNotEqualTo('T'));
    }

    private static char state(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
    }
}
