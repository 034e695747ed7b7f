package dev.andon.core.store;

import javax.sql.DataSource;

/**
 * Andon's state: runs, terminations, the cord and pending undos, in one database (embedded H2 by
 * default, PostgreSQL for several nodes). Open one with {@code JdbcAndonStore.open(StoreConfig)}.
 */
public interface AndonStore extends AutoCloseable {

    RunHistory runs();

    TerminationTracker terminations();

    HaltRegistry halts();

    UndoLog undos();

    /** Where it lives, for messages: {@code H2 file /home/alice/.andon/andon} or the PostgreSQL URL without credentials. */
    String description();

    /**
     * The pooled connections, migrated; the scheduler hands it to Quartz's JDBC job store. Its lifetime
     * is the store's.
     */
    DataSource dataSource();

    /** Closes the pool. */
    @Override
    void close();
}
