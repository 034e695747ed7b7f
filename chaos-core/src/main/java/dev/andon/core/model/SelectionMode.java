package dev.andon.core.model;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many of the eligible candidates to pick: {@code one}, {@code all}, {@code count(n)},
 * {@code percent(p)} (rounded up, at least one when any is eligible) or {@code random-max-percent(p)}
 * (a random number from 1 to the rounded-up p percent).
 */
public record SelectionMode(Kind kind, double value) {

    public enum Kind { ONE, ALL, COUNT, PERCENT, RANDOM_MAX_PERCENT }

    public static final SelectionMode ONE = new SelectionMode(Kind.ONE, 1);
    public static final SelectionMode ALL = new SelectionMode(Kind.ALL, 100);

    private static final Pattern FORM = Pattern.compile("(count|percent|random-max-percent)\\(\\s*(\\d+(?:\\.\\d+)?)\\s*\\)");

    public SelectionMode {
        if (kind == Kind.COUNT && (value < 1 || value != Math.floor(value))) {
            throw new IllegalArgumentException("count(n) needs a whole number of at least 1, but was " + value);
        }
        if ((kind == Kind.PERCENT || kind == Kind.RANDOM_MAX_PERCENT) && (value <= 0 || value > 100)) {
            throw new IllegalArgumentException("a percentage must be above 0 and at most 100, but was " + value);
        }
    }

    /** Parses the file spelling, or returns empty when it is not one of the five forms. */
    public static Optional<SelectionMode> parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("one")) {
            return Optional.of(ONE);
        }
        if (t.equals("all")) {
            return Optional.of(ALL);
        }
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        double v = Double.parseDouble(m.group(2));
        Kind kind = switch (m.group(1)) {
            case "count" -> Kind.COUNT;
            case "percent" -> Kind.PERCENT;
            default -> Kind.RANDOM_MAX_PERCENT;
        };
        return Optional.of(new SelectionMode(kind, v));
    }

    /** How many to pick out of {@code eligible}; never more than {@code eligible}. */
    public int count(int eligible, RandomGenerator random) {
        if (eligible == 0) {
            return 0;
        }
        int n = switch (kind) {
            case ONE -> 1;
            case ALL -> eligible;
            case COUNT -> (int) value;
            case PERCENT -> percentOf(eligible);
            case RANDOM_MAX_PERCENT -> 1 + random.nextInt(percentOf(eligible));
        };
        return Math.min(n, eligible);
    }

    private int percentOf(int eligible) {
        return Math.max(1, (int) Math.ceil(eligible * value / 100.0));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ONE -> "one";
            case ALL -> "all";
            case COUNT -> "count(" + (int) value + ")";
            case PERCENT -> "percent(" + trim(value) + ")";
            case RANDOM_MAX_PERCENT -> "random-max-percent(" + trim(value) + ")";
        };
    }

    private static String trim(double v) {
        return v == Math.floor(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
