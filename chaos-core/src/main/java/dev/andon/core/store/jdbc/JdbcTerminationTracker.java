package dev.andon.core.store.jdbc;

import dev.andon.core.store.Termination;
import dev.andon.core.store.TerminationDecision;
import dev.andon.core.store.TerminationLimits;
import dev.andon.core.store.TerminationTracker;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class JdbcTerminationTracker implements TerminationTracker {

    private static final String COLUMNS = "target_id, group_name, experiment, run_id, terminated_at";

    private final Database db;

    JdbcTerminationTracker(Database db) {
        this.db = db;
    }

    @Override
    public TerminationDecision recordIfAllowed(Termination t, TerminationLimits limits) {
        ensureGroupRow(t.group());
        return db.inTransaction("check and record a termination in group " + t.group(), c -> {
            // The group's row lock serialises every decision for the group across connections and nodes:
            // a second node blocks here until the first commits, then sees its termination below.
            Database.query(c, "SELECT group_name FROM andon_termination_groups WHERE group_name = ? FOR UPDATE",
                    rs -> rs.getString(1), t.group());
            Optional<Instant> last = lastAt(c, t.group());
            if (last.isPresent()) {
                Instant nextAllowed = last.get().plus(limits.minTimeBetween());
                if (t.at().isBefore(nextAllowed)) {
                    return TerminationDecision.refused("minimum time between kills (" + limits.minTimeBetween()
                            + ") not elapsed for group " + t.group() + ": last kill at " + last.get()
                            + ", next allowed at " + nextAllowed);
                }
            }
            if (limits.maxPerDay().isPresent()) {
                int max = limits.maxPerDay().getAsInt();
                long today = Database.query(c,
                        "SELECT COUNT(*) FROM andon_terminations WHERE group_name = ? AND terminated_at >= ?",
                        rs -> rs.getLong(1), t.group(), limits.dayStart()).get(0);
                if (today >= max) {
                    return TerminationDecision.refused("maximum kills per day (" + max + ") reached for group "
                            + t.group() + ": " + today + " since " + limits.dayStart());
                }
            }
            insert(c, t);
            return TerminationDecision.recordedNow();
        });
    }

    @Override
    public void record(Termination t) {
        ensureGroupRow(t.group());
        db.withConnection("record a termination in group " + t.group(), c -> {
            insert(c, t);
            return null;
        });
    }

    /**
     * Inserts the group's lock row if it is missing. Two nodes may race to insert it: the loser's unique
     * violation means the row exists, which is all that is needed. Done outside the deciding transaction
     * because a failed statement poisons a PostgreSQL transaction.
     */
    private void ensureGroupRow(String group) {
        db.withConnection("create the lock row of group " + group, c -> {
            boolean exists = !Database.query(c, "SELECT 1 FROM andon_termination_groups WHERE group_name = ?",
                    rs -> rs.getInt(1), group).isEmpty();
            if (!exists) {
                try {
                    Database.update(c, "INSERT INTO andon_termination_groups (group_name) VALUES (?)", group);
                } catch (SQLException e) {
                    if (!Database.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
            return null;
        });
    }

    private static Optional<Instant> lastAt(Connection c, String group) throws SQLException {
        return Database.query(c, "SELECT MAX(terminated_at) AS last_at FROM andon_terminations WHERE group_name = ?",
                rs -> Database.optionalInstant(rs, "last_at"), group).get(0);
    }

    private static void insert(Connection c, Termination t) throws SQLException {
        Database.update(c, "INSERT INTO andon_terminations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                t.targetId(), t.group(), t.experiment(), t.runId(), t.at());
    }

    @Override
    public Optional<Termination> last(String group) {
        return db.query("read the last termination of group " + group,
                "SELECT " + COLUMNS + " FROM andon_terminations WHERE group_name = ?"
                        + " ORDER BY terminated_at DESC, id DESC FETCH FIRST 1 ROWS ONLY",
                JdbcTerminationTracker::row, group).stream().findFirst();
    }

    @Override
    public List<Termination> since(Instant since, Optional<String> group) {
        List<Object> params = new ArrayList<>(List.of(since));
        String sql = "SELECT " + COLUMNS + " FROM andon_terminations WHERE terminated_at >= ?";
        if (group.isPresent()) {
            sql += " AND group_name = ?";
            params.add(group.get());
        }
        return db.query("list terminations", sql + " ORDER BY terminated_at, id", JdbcTerminationTracker::row,
                params.toArray());
    }

    private static Termination row(ResultSet rs) throws SQLException {
        return new Termination(rs.getString("target_id"), rs.getString("group_name"), rs.getString("experiment"),
                rs.getString("run_id"), Database.instant(rs, "terminated_at"));
    }
}
