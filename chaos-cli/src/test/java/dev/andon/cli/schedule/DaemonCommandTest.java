package dev.andon.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.andon.cli.AndonCli;
import dev.andon.core.store.HistoryQuery;
import dev.andon.core.store.RunRecord;
import dev.andon.core.store.RunStatus;
import dev.andon.core.store.StoreConfig;
import dev.andon.core.store.jdbc.JdbcAndonStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("andon daemon, end to end on H2 with real processes")
class DaemonCommandTest {

    @TempDir
    Path dir;

    private Path schedules;
    private Path dataDir;
    private Process sleeper;
    private String marker;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws IOException {
        schedules = Files.createDirectories(dir.resolve("schedules"));
        dataDir = dir.resolve("data");
        // A shell whose command line no other process on the machine has: the experiment's only possible target.
        marker = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 900_000));
        sleeper = new ProcessBuilder("sh", "-c", "sleep 120; echo andon-test-" + marker).start();
        Files.writeString(schedules.resolve("kill-sleeper.yaml"), """
                apiVersion: andon.dev/v1
                kind: Experiment
                metadata: { name: kill-sleeper }
                spec:
                  targets:
                    sleepers:
                      provider: local.process
                      selector: { commandMatches: "andon-test-${marker}" }
                      mode: count(1)
                  method:
                    - action: process.kill
                      target: sleepers
                      signal: KILL
                """);
    }

    @AfterEach
    void stopSleeper() {
        sleeper.destroyForcibly();
    }

    private CompletableFuture<Integer> daemon(String stopAfter, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("daemon", schedules.toString(), "--data-dir", dataDir.toString(),
                "--node", "test-node", "--journal-dir", dir.resolve("journals").toString(), "--reload-interval", "200ms",
                "--stop-after", stopAfter, "--seed", "7"));
        args.addAll(List.of(more));
        return CompletableFuture.supplyAsync(() -> AndonCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new)));
    }

    private List<RunRecord> history() {
        try (JdbcAndonStore store = JdbcAndonStore.open(StoreConfig.h2(dataDir))) {
            return store.runs().query(HistoryQuery.all().limit(1000));
        }
    }

    @Test
    @DisplayName("a leashed schedule records dry runs and kills nothing; an invalid file is reported and the others keep running; metrics are served")
    void leashed() throws Exception {
        Files.writeString(schedules.resolve("tick.yaml"), """
                apiVersion: andon.dev/v1
                kind: Schedule
                metadata: { name: tick }
                spec:
                  experiment: kill-sleeper.yaml
                  variables: { marker: "%s" }
                  cron: "* * * * * ?"
                """.formatted(marker));

        CompletableFuture<Integer> exit = daemon("10s", "--metrics-port", "0", "--metrics-address", "127.0.0.1");

        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("tick: kill-sleeper"));
        Files.writeString(schedules.resolve("broken.yaml"), "apiVersion: andon.dev/v1\nkind: Schedule\nmetadata: { name: broken }\nspec: { cron: nope }\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains("invalid schedule, not running: " + schedules.resolve("broken.yaml")));
        int firingsBefore = count(out.toString(), "tick: kill-sleeper");
        await().atMost(Duration.ofSeconds(10)).until(() -> count(out.toString(), "tick: kill-sleeper") > firingsBefore);

        Matcher port = Pattern.compile("metrics on http://127.0.0.1:(\\d+)/metrics").matcher(out.toString());
        assertThat(port.find()).as(out.toString()).isTrue();
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern("andon_runs_total\\{outcome=\"[a-z]+\",trigger=\"schedule:tick\"\\} [1-9]");
        assertThat(metrics).contains("andon_schedule_next_fire_timestamp_seconds{schedule=\"tick\"}");

        assertThat(exit.get()).as(err.toString()).isZero();
        assertThat(out.toString()).contains("schedule tick (leashed)").contains("(leashed)").contains("stopped");
        assertThat(sleeper.isAlive()).as("a leashed schedule kills nothing").isTrue();
        List<RunRecord> runs = history();
        assertThat(runs).isNotEmpty().allSatisfy(r -> {
            assertThat(r.trigger()).isEqualTo("schedule:tick");
            assertThat(r.dryRun()).isTrue();
            assertThat(r.experiment()).isEqualTo("kill-sleeper");
        });
        assertThat(runs).anySatisfy(r -> assertThat(r.selectedTargets()).singleElement().asString().contains(Long.toString(sleeper.pid())));
    }

    @Test
    @DisplayName("an unleashed schedule kills once, then the minimum time between kills skips every later firing with its reason")
    void unleashedWithMinimumTime() throws Exception {
        Files.writeString(schedules.resolve("tick.yaml"), """
                apiVersion: andon.dev/v1
                kind: Schedule
                metadata: { name: tick }
                spec:
                  experiment: kill-sleeper.yaml
                  variables: { marker: "%s" }
                  cron: "* * * * * ?"
                  leashed: false
                  minTimeBetweenKills: 1h
                """.formatted(marker));

        CompletableFuture<Integer> exit = daemon("6s");

        await().atMost(Duration.ofSeconds(20)).until(() -> !sleeper.isAlive());
        await().atMost(Duration.ofSeconds(20)).until(() -> history().stream().anyMatch(r -> r.status() == RunStatus.SKIPPED));
        assertThat(exit.get()).as(err.toString()).isZero();

        List<RunRecord> runs = history();
        assertThat(runs.stream().filter(r -> r.status() != RunStatus.SKIPPED)).singleElement()
                .satisfies(r -> assertThat(r.dryRun()).isFalse());
        assertThat(runs.stream().filter(r -> r.status() == RunStatus.SKIPPED)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.reason()).contains("minimum time between kills").contains("(minTimeBetweenKills: 1h)"));

        StringWriter listing = new StringWriter();
        int code = AndonCli.run(new PrintWriter(listing), new PrintWriter(new StringWriter()), "schedule", "list", schedules.toString(),
                "--data-dir", dataDir.toString());
        assertThat(code).isZero();
        assertThat(listing.toString()).containsPattern("tick +cron \\* \\* \\* \\* \\* \\? UTC +NO +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC +skipped .*minimum time between kills");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
