package dev.andon.core.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Run ids that sort by time and read well in file names: {@code 20261126T121500Z-3f9a1c}. */
public final class RunIds {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    public static String next() {
        return next(Instant.now());
    }

    public static String next(Instant at) {
        return STAMP.format(at) + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    }
}
