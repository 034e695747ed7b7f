package dev.andon.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.andon.core.load.InvalidFileException;
import dev.andon.core.load.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleLoaderTest {

    @TempDir
    Path dir;

    private final ScheduleLoader loader = new ScheduleLoader((node, what, problems) -> {
        problems.at(node, what + ": probes are not read in this test", "");
        return Optional.empty();
    });

    @BeforeEach
    void experiment() throws IOException {
        Files.createDirectories(dir.resolve("local"));
        Files.writeString(dir.resolve("local/quickstart.yaml"), "apiVersion: andon.dev/v1\nkind: Experiment\n");
        Files.createDirectories(dir.resolve("schedules"));
        Files.writeString(dir.resolve("schedules/team.ics"),
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261231\nSUMMARY:Team day\nEND:VEVENT\nEND:VCALENDAR\n");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve("schedules").resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    @DisplayName("reads a Chaos Monkey schedule with window, holidays, blackouts and freezes; leashed by default")
    void chaosMonkey() throws Exception {
        Path file = write("monkey.yaml", """
                apiVersion: andon.dev/v1
                kind: Schedule
                metadata:
                  name: shop-monkey
                  description: one replica a week
                spec:
                  experiment: ../local/quickstart.yaml
                  variables: { port: "8080" }
                  meanTimeBetweenKills: 5
                  minTimeBetweenKills: 2 workdays
                  maxKillsPerDay: 1
                  window:
                    days: MON-THU
                    start: "10:00"
                    end: "16:30"
                    timeZone: Europe/Berlin
                  holidays:
                    countries: [DE]
                    icalendar: team.ics
                  blackouts: ["2026-12-24"]
                  freezes:
                    - { from: "2026-12-14", to: "2027-01-04", reason: year-end }
                """);

        Schedule s = loader.load(file);

        assertThat(s.name()).isEqualTo("shop-monkey");
        assertThat(s.leashed()).isTrue();
        assertThat(s.experiment()).isEqualTo(dir.resolve("local/quickstart.yaml").toAbsolutePath().normalize());
        assertThat(s.variables()).containsEntry("port", "8080");
        assertThat(s.cadence()).isEqualTo(new Cadence.ChaosMonkey(5));
        assertThat(s.limits().minimumGap()).hasValue(MinimumGap.ofWorkdays(2));
        assertThat(s.limits().maxKillsPerDay()).hasValue(1);
        KillWindow w = s.window().orElseThrow();
        assertThat(w.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        assertThat(w.start()).isEqualTo(LocalTime.of(10, 0));
        assertThat(w.end()).isEqualTo(LocalTime.of(16, 30));
        assertThat(w.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(s.workdays().reasonNotWorkday(LocalDate.of(2026, 10, 3))).isPresent();
        assertThat(s.workdays().reasonNotWorkday(LocalDate.of(2026, 12, 31))).hasValue("holiday: Team day (team.ics)");
        assertThat(s.workdays().reasonNotWorkday(LocalDate.of(2026, 12, 24))).isPresent();
        assertThat(s.workdays().reasonNotWorkday(LocalDate.of(2027, 1, 4))).hasValue("freeze 2026-12-14 to 2027-01-04: year-end");
        assertThat(s.workdays().isWorkday(LocalDate.of(2027, 1, 5))).isTrue();
    }

    @Test
    @DisplayName("reads a cron schedule in a time zone, unleashed when the file says so")
    void cron() throws Exception {
        Path file = write("cron.yaml", """
                apiVersion: andon.dev/v1
                kind: Schedule
                metadata: { name: nightly }
                spec:
                  experiment: ../local/quickstart.yaml
                  cron: "0 30 10 ? * MON-FRI"
                  timeZone: America/New_York
                  leashed: false
                  minTimeBetweenKills: 90m
                """);

        Schedule s = loader.load(file);

        assertThat(s.cadence()).isEqualTo(new Cadence.Cron("0 30 10 ? * MON-FRI", ZoneId.of("America/New_York")));
        assertThat(s.leashed()).isFalse();
        assertThat(s.window()).isEmpty();
        assertThat(s.limits().minimumGap()).hasValue(MinimumGap.of(Duration.ofMinutes(90)));
    }

    @Test
    @DisplayName("reports every problem of a file at once, each with line and column and what to change")
    void problems() throws Exception {
        Path file = write("bad.yaml", """
                apiVersion: andon.dev/v1
                kind: Schedule
                metadata: { name: bad }
                spec:
                  experiment: ../local/missing.yaml
                  cron: "0 61 10 * * ?"
                  timeZone: Europe/Berln
                  maxKillsPerDay: 0
                  windw: { start: "09:00" }
                  holidays: { countries: [US, XX] }
                  blackouts: [2026-13-01]
                """);

        assertThatThrownBy(() -> loader.load(file)).isInstanceOfSatisfying(InvalidFileException.class, e -> {
            assertThat(e.problems()).extracting(Problem::format).satisfiesExactly(
                    p -> assertThat(p).startsWith(file + ":5:15: experiment file ").contains("missing.yaml does not exist"),
                    p -> assertThat(p).startsWith(file + ":6:9: invalid cron expression '0 61 10 * * ?'"),
                    p -> assertThat(p).isEqualTo(file + ":7:13: unknown time zone 'Europe/Berln' (use a region id such as Europe/Berlin, America/New_York or UTC)"),
                    p -> assertThat(p).startsWith(file + ":8:19: maxKillsPerDay must be at least 1, but was 0"),
                    p -> assertThat(p).startsWith(file + ":9:3: unknown key 'windw' in spec").contains("did you mean 'window'"),
                    p -> assertThat(p).startsWith(file + ":10:31: no built-in holidays for country 'XX'"),
                    p -> assertThat(p).startsWith(file + ":11:15: blackouts: expected a date like 2026-12-24"));
        });
    }

    @Test
    @DisplayName("a schedule needs exactly one of cron and meanTimeBetweenKills")
    void cadenceRequired() throws Exception {
        Path file = write("none.yaml", """
                apiVersion: andon.dev/v1
                kind: Schedule
                metadata: { name: none }
                spec:
                  experiment: ../local/quickstart.yaml
                """);

        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining(":5:3: missing 'cron' or 'meanTimeBetweenKills' in spec");
    }
}
