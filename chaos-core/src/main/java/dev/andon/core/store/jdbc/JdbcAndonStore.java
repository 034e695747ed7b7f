package dev.andon.core.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.andon.core.store.AndonStore;
import dev.andon.core.store.HaltRegistry;
import dev.andon.core.store.RunHistory;
import dev.andon.core.store.StoreConfig;
import dev.andon.core.store.StoreException;
import dev.andon.core.store.TerminationTracker;
import dev.andon.core.store.UndoLog;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** The store over JDBC: a HikariCP pool, migrated by Flyway on open. */
public final class JdbcAndonStore implements AndonStore {

    /** Andon's portable migrations (versions 1 to 99). */
    public static final String COMMON_MIGRATIONS = "classpath:db/andon/common";
    /** Vendor-specific migrations ({@code h2}, {@code postgresql}), e.g. Quartz's tables from version 100. */
    public static final String VENDOR_MIGRATIONS = "classpath:db/andon/";
    /** Flyway's own table, named so it cannot collide with an application's Flyway in a shared database. */
    public static final String SCHEMA_HISTORY_TABLE = "andon_schema_history";
    /** H2 waits this long for a row lock (default 1 s), so racing nodes queue instead of failing. */
    private static final int H2_LOCK_TIMEOUT_MS = 10_000;

    // A unique pool name per store, so two stores in one JVM (two scheduler nodes in a test) stay apart
    // in logs and JMX. Not configuration: nothing reads it back.
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final HikariDataSource dataSource;
    private final String description;
    private final RunHistory runs;
    private final TerminationTracker terminations;
    private final HaltRegistry halts;
    private final UndoLog undos;

    private JdbcAndonStore(HikariDataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
        Database db = new Database(dataSource, description);
        JsonText json = new JsonText();
        this.runs = new JdbcRunHistory(db, json);
        this.terminations = new JdbcTerminationTracker(db);
        this.halts = new JdbcHaltRegistry(db);
        this.undos = new JdbcUndoLog(db, json);
    }

    /**
     * Connects, creates or upgrades the schema, and returns the store. Several processes may open the
     * same database at once: Flyway serialises their migrations.
     *
     * @throws StoreException when the database cannot be reached or migrated, with the URL (without
     *                        credentials) in the message
     */
    public static JdbcAndonStore open(StoreConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("andon-store-" + POOLS.incrementAndGet());
        hikari.setJdbcUrl(config.jdbcUrl());
        config.user().ifPresent(hikari::setUsername);
        config.password().ifPresent(hikari::setPassword);
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(10_000);
        // Commands fail fast on a wrong URL; a daemon starting before its database retries by restarting.
        hikari.setInitializationFailTimeout(2_000);
        if (config.isH2()) {
            hikari.setConnectionInitSql("SET LOCK_TIMEOUT " + H2_LOCK_TIMEOUT_MS);
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store " + config.describe() + ": " + rootMessage(e), e);
        }
        try {
            migrate(ds, config.isH2() ? "h2" : "postgresql");
        } catch (FlywayException e) {
            ds.close();
            throw new StoreException("cannot migrate the store " + config.describe() + ": " + e.getMessage(), e);
        }
        return new JdbcAndonStore(ds, config.describe());
    }

    private static void migrate(DataSource ds, String vendor) {
        Flyway.configure()
                .dataSource(ds)
                .table(SCHEMA_HISTORY_TABLE)
                .locations(COMMON_MIGRATIONS, VENDOR_MIGRATIONS + vendor)
                .failOnMissingLocations(false)
                .load()
                .migrate();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public RunHistory runs() {
        return runs;
    }

    @Override
    public TerminationTracker terminations() {
        return terminations;
    }

    @Override
    public HaltRegistry halts() {
        return halts;
    }

    @Override
    public UndoLog undos() {
        return undos;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
