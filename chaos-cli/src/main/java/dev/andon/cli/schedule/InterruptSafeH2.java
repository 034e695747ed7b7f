package dev.andon.cli.schedule;

import dev.andon.core.store.StoreConfig;

/**
 * The same H2 file through H2's {@code retry:} file system. Quartz interrupts its own threads when it shuts down;
 * an interrupt that lands inside a plain H2 file write closes the whole database (Java's file channels close on
 * interrupt), and Quartz then retries forever, so the daemon never exits. {@code retry:} reopens the channel
 * instead. Other processes ({@code andon halt}) may open the file with the plain URL: AUTO_SERVER serves them the
 * same database. PostgreSQL URLs pass unchanged.
 */
final class InterruptSafeH2 {

    private InterruptSafeH2() {
    }

    static StoreConfig of(StoreConfig config) {
        return new StoreConfig(config.jdbcUrl().replaceFirst("^jdbc:h2:file:", "jdbc:h2:retry:file:"), config.user(), config.password(),
                config.maxPoolSize());
    }
}
