package dev.andon.core.store.jdbc;

import dev.andon.core.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The little JDBC the store needs: statements with parameters, transactions, timestamps in UTC. */
final class Database {

    /** SQLSTATE of a unique-key violation, the same on H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;
    private final String description;

    Database(DataSource dataSource, String description) {
        this.dataSource = dataSource;
        this.description = description;
    }

    <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    <T> T withConnection(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    int update(String what, String sql, Object... params) {
        return withConnection(what, c -> update(c, sql, params));
    }

    <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(what, c -> query(c, sql, mapper, params));
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant at) {
                ps.setObject(i + 1, utc(at));
            } else if (p instanceof NullOf typed) {
                ps.setNull(i + 1, typed.sqlType());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    /** A typed SQL NULL, since a bare null carries no type for the driver. */
    record NullOf(int sqlType) {
        static final NullOf TIMESTAMP = new NullOf(Types.TIMESTAMP_WITH_TIMEZONE);
        static final NullOf BIGINT = new NullOf(Types.BIGINT);
        static final NullOf VARCHAR = new NullOf(Types.VARCHAR);
    }

    static Object orNull(Optional<?> value, NullOf type) {
        return value.isPresent() ? value.get() : type;
    }

    /** Millisecond precision in UTC: what both databases keep exactly. */
    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(instant(rs, column));
    }

    static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }

    StoreException failure(String what, SQLException e) {
        return new StoreException("store " + description + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
