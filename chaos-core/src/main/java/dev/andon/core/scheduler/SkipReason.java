package dev.andon.core.scheduler;

/**
 * Why a scheduled run did not happen.
 *
 * @param category a short, fixed word for metrics and filters: {@code halted}, {@code outside-window},
 *                 {@code quiet-day}, {@code outage}, {@code min-time}, {@code max-per-day}, {@code missed},
 *                 {@code invalid}, {@code unknown-schedule}
 * @param message  the sentence users read in history: "outside the kill window 09:00-15:00 Europe/Berlin"
 */
public record SkipReason(String category, String message) {

    public static final String HALTED = "halted";
    public static final String OUTSIDE_WINDOW = "outside-window";
    public static final String QUIET_DAY = "quiet-day";
    public static final String OUTAGE = "outage";
    public static final String MIN_TIME = "min-time";
    public static final String MAX_PER_DAY = "max-per-day";
    public static final String MISSED = "missed";
    public static final String INVALID = "invalid";
    public static final String UNKNOWN_SCHEDULE = "unknown-schedule";
}
