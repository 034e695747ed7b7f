package dev.andon.cli.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.andon.cli.AndonCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("andon schedule list and preview")
class ScheduleCommandsTest {

    private static final Path EXAMPLES = Path.of("..", "experiments", "schedules");

    @TempDir
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int andon(String... args) {
        return AndonCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    @DisplayName("preview plans the example Chaos Monkey schedule with a seed, leashed, and names the days it rests")
    void preview() {
        int code = andon("schedule", "preview", EXAMPLES.toString(), "--days", "40", "--seed", "42", "--from", "2026-12-01");

        assertThat(code).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("Chaos Monkey plan for 40 day(s) from 2026-12-01 (seed 42):");
        assertThat(text).contains("quickstart-monkey").contains("yes (records, kills nothing)");
        assertThat(text.lines().filter(l -> l.contains("quickstart-monkey  quickstart.yaml"))).isNotEmpty()
                .allSatisfy(row -> assertThat(row).doesNotContain("2026-12-2").doesNotContain("2026-12-14").doesNotContain("2027-01-0"));
        assertThat(text).contains("quickstart-monkey rests on: 2026-12-14..2026-12-23 freeze 2026-12-14 to 2027-01-04: year-end change freeze; "
                + "2026-12-24 blackout date 2026-12-24; 2026-12-25 holiday: Christmas Day (GB); 2026-12-28 holiday: Boxing Day (substitute day) (GB);");
        assertThat(text).contains("Cron schedules fire at their expressions: quickstart-daily '0 30 10 ? * MON-FRI'");

        StringWriter again = new StringWriter();
        AndonCli.run(new PrintWriter(again), new PrintWriter(new StringWriter()),
                "schedule", "preview", EXAMPLES.toString(), "--days", "40", "--seed", "42", "--from", "2026-12-01");
        assertThat(again.toString()).isEqualTo(text);
    }

    @Test
    @DisplayName("list shows every example schedule, leashed, with its next fire time before any daemon ran")
    void list() {
        int code = andon("schedule", "list", EXAMPLES.toString(), "--data-dir", dataDir.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().lines()).first().asString().startsWith("NAME").contains("NEXT FIRE").contains("LAST OUTCOME");
        assertThat(out.toString()).containsPattern("quickstart-daily +cron 0 30 10 \\? \\* MON-FRI America/New_York +yes +\\d{4}-\\d\\d-\\d\\d 10:30 E[SD]T \\(daemon not running it yet\\) +-");
        assertThat(out.toString()).containsPattern("quickstart-monkey +monkey every ~5 workdays 10:00-16:00 Europe/London +yes");
    }

    @Test
    @DisplayName("an invalid schedule file is one line with file:line:column and exit code 2; the valid ones are still listed")
    void invalid(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("experiment.yaml"), "apiVersion: andon.dev/v1\nkind: Experiment\n");
        Files.writeString(dir.resolve("good.yaml"), """
                apiVersion: andon.dev/v1
                kind: Schedule
                metadata: { name: good }
                spec: { experiment: experiment.yaml, cron: "0 0 10 * * ?" }
                """);
        Files.writeString(dir.resolve("bad.yaml"), """
                apiVersion: andon.dev/v1
                kind: Schedule
                metadata: { name: bad }
                spec:
                  experiment: experiment.yaml
                  meanTimeBetweenKills: 5
                  leashd: false
                """);

        int code = andon("schedule", "list", dir.toString(), "--data-dir", dataDir.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("error: " + dir.resolve("bad.yaml") + ":7:3: unknown key 'leashd' in spec (did you mean 'leashed'?)");
        assertThat(out.toString()).contains("good").doesNotContain("bad ");
    }
}
