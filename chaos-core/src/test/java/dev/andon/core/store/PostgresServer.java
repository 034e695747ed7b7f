package dev.andon.core.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** An embedded PostgreSQL on loopback, handing out empty databases. */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static PostgresServer start() {
        try {
            return new PostgresServer(EmbeddedPostgres.builder().setLocaleConfig("locale", "C").start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    /** A new, empty database and a config that logs in to it as {@code postgres}. */
    public StoreConfig freshDatabase() {
        String name = "andon_test_" + databases.incrementAndGet();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return StoreConfig.postgres("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + name,
                Optional.of("postgres"), Optional.empty());
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
