package dev.andon.core.store.jdbc;

import dev.andon.core.store.CordEvent;
import dev.andon.core.store.HaltRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class JdbcHaltRegistry implements HaltRegistry {

    private final Database db;

    JdbcHaltRegistry(Database db) {
        this.db = db;
    }

    @Override
    public Optional<CordEvent> currentHalt() {
        return db.query("read the cord", "SELECT halted, who, why, changed_at FROM andon_cord WHERE id = 1",
                rs -> rs.getBoolean("halted")
                        ? Optional.of(new CordEvent(CordEvent.Kind.HALT, rs.getString("who"), rs.getString("why"),
                                Database.instant(rs, "changed_at")))
                        : Optional.<CordEvent>empty())
                .stream().findFirst().flatMap(o -> o);
    }

    @Override
    public CordEvent halt(String who, String why, Instant at) {
        CordEvent event = new CordEvent(CordEvent.Kind.HALT, who, why, Database.truncate(at));
        return db.inTransaction("pull the cord", c -> {
            Database.update(c, "UPDATE andon_cord SET halted = TRUE, who = ?, why = ?, changed_at = ? WHERE id = 1",
                    who, why, at);
            insertEvent(c, event);
            return event;
        });
    }

    @Override
    public Optional<CordEvent> resume(String who, String why, Instant at) {
        CordEvent event = new CordEvent(CordEvent.Kind.RESUME, who, why, Database.truncate(at));
        return db.inTransaction("release the cord", c -> {
            int changed = Database.update(c,
                    "UPDATE andon_cord SET halted = FALSE, who = ?, why = ?, changed_at = ? WHERE id = 1 AND halted = TRUE",
                    who, why, at);
            if (changed == 0) {
                return Optional.empty();
            }
            insertEvent(c, event);
            return Optional.of(event);
        });
    }

    @Override
    public List<CordEvent> history(int limit) {
        return db.query("read the cord's history",
                "SELECT kind, who, why, happened_at FROM andon_cord_events ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                JdbcHaltRegistry::event);
    }

    private static void insertEvent(Connection c, CordEvent e) throws SQLException {
        Database.update(c, "INSERT INTO andon_cord_events (kind, who, why, happened_at) VALUES (?, ?, ?, ?)",
                e.kind().spelling(), e.who(), e.why(), e.at());
    }

    private static CordEvent event(ResultSet rs) throws SQLException {
        CordEvent.Kind kind = CordEvent.Kind.HALT.spelling().equals(rs.getString("kind")) ? CordEvent.Kind.HALT : CordEvent.Kind.RESUME;
        return new CordEvent(kind, rs.getString("who"), rs.getString("why"), Database.instant(rs, "happened_at"));
    }
}
