package dev.andon.cli.store;

import dev.andon.cli.ExitCodes;
import dev.andon.cli.UserError;
import dev.andon.core.model.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@code --since}: a duration back from now ({@code 24h}, {@code 7d}), a UTC date, or an instant. */
final class Since {

    private Since() {
    }

    static Instant parse(String text, Instant now) {
        String t = text.strip();
        Optional<Duration> back = Durations.parse(t);
        if (back.isPresent()) {
            return now.minus(back.get());
        }
        try {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            // try the next spelling
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            throw new UserError(ExitCodes.INVALID_INPUT, "--since " + text
                    + ": expected a duration back from now (24h, 7d, 90m), a date (2026-11-26, UTC) or an instant (2026-11-26T09:00:00Z)");
        }
    }
}
