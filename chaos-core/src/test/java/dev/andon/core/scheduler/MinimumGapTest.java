package dev.andon.core.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MinimumGapTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private final Workdays weekdays = new Workdays(KillWindow.WEEKDAYS, QuietDays.NONE);

    @Test
    @DisplayName("a gap of two workdays from a Thursday kill skips the weekend and allows Monday")
    void workdaysSkipWeekend() {
        MinimumGap gap = MinimumGap.ofWorkdays(2);
        Instant thursday = Instant.parse("2026-11-26T10:00:00Z");

        assertThat(gap.earliestAfter(thursday, weekdays, UTC)).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        // Seen from Monday: the Thursday kill no longer blocks, a Friday kill would.
        Instant mondayNoon = Instant.parse("2026-11-30T12:00:00Z");
        Instant since = gap.blockingSince(mondayNoon, weekdays, UTC);
        assertThat(since).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(thursday).isBefore(since);
    }

    @Test
    @DisplayName("earliestAfter and blockingSince agree on every day of a month")
    void consistent() {
        MinimumGap gap = MinimumGap.ofWorkdays(3);
        for (int day = 1; day <= 30; day++) {
            Instant kill = Instant.parse(String.format("2026-06-%02dT11:00:00Z", day));
            Instant earliest = gap.earliestAfter(kill, weekdays, UTC);
            assertThat(kill).isAfterOrEqualTo(gap.blockingSince(earliest.minusSeconds(1), weekdays, UTC));
            assertThat(kill).isBefore(gap.blockingSince(earliest, weekdays, UTC));
        }
    }

    @Test
    @DisplayName("a duration gap is plain arithmetic")
    void duration() {
        MinimumGap gap = MinimumGap.of(java.time.Duration.ofHours(2));
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        assertThat(gap.blockingSince(now, weekdays, UTC)).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(gap.describe()).isEqualTo("2h");
        assertThat(MinimumGap.ofWorkdays(1).describe()).isEqualTo("1 workday");
    }
}
