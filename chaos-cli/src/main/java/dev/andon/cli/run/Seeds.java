package dev.andon.cli.run;

import java.security.SecureRandom;

/** Seeds for target picks: positive and at most nine digits, so they are easy to read back and type. */
final class Seeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Seeds() {
    }

    static long fresh() {
        return RANDOM.nextInt(1_000_000_000);
    }
}
