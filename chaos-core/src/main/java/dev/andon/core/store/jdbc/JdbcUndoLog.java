package dev.andon.core.store.jdbc;

import dev.andon.core.spi.Compensation;
import dev.andon.core.store.PendingUndo;
import dev.andon.core.store.UndoLog;
import java.time.Instant;
import java.util.List;

final class JdbcUndoLog implements UndoLog {

    private final Database db;
    private final JsonText json;

    JdbcUndoLog(Database db, JsonText json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public void planned(String runId, String undoId, Compensation compensation, Instant at) {
        db.update("record undo " + undoId + " of run " + runId,
                "INSERT INTO andon_undos (run_id, undo_id, compensation, planned_at, done) VALUES (?, ?, ?, ?, FALSE)",
                runId, undoId, json.compensation(compensation), at);
    }

    @Override
    public void done(String runId, String undoId, String status, String summary, Instant at) {
        db.update("mark undo " + undoId + " of run " + runId + " done",
                "UPDATE andon_undos SET done = TRUE, done_at = ?, done_status = ?, done_summary = ? WHERE run_id = ? AND undo_id = ?",
                at, status, summary.length() > 4000 ? summary.substring(0, 4000) : summary, runId, undoId);
    }

    @Override
    public List<PendingUndo> pending(String runId) {
        return db.query("list the pending undos of run " + runId,
                "SELECT run_id, undo_id, compensation, planned_at FROM andon_undos WHERE run_id = ? AND done = FALSE ORDER BY id",
                rs -> new PendingUndo(rs.getString("run_id"), rs.getString("undo_id"),
                        json.compensation(rs.getString("compensation")), Database.instant(rs, "planned_at")),
                runId);
    }
}
