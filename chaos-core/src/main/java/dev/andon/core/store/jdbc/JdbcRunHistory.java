package dev.andon.core.store.jdbc;

import static dev.andon.core.store.jdbc.Database.NullOf;
import static dev.andon.core.store.jdbc.Database.orNull;

import dev.andon.core.store.HistoryQuery;
import dev.andon.core.store.NodeIdentity;
import dev.andon.core.store.RunEnd;
import dev.andon.core.store.RunHistory;
import dev.andon.core.store.RunRecord;
import dev.andon.core.store.RunStart;
import dev.andon.core.store.RunStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

final class JdbcRunHistory implements RunHistory {

    private static final String COLUMNS = "run_id, experiment, trigger_name, node, host, pid, process_started, started_at,"
            + " ended_at, status, reason, deviated, recovery_ms, seed, dry_run, selected_targets, journal_path, heartbeat_at,"
            + " plugin_settings";
    private static final int REASON_MAX = 4000;

    private final Database db;
    private final JsonText json;

    JdbcRunHistory(Database db, JsonText json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public void started(RunStart start) {
        insert(start, RunStatus.RUNNING, "", Optional.empty());
    }

    @Override
    public void skipped(RunStart start, String reason) {
        insert(start, RunStatus.SKIPPED, reason, Optional.of(start.started()));
    }

    private void insert(RunStart s, RunStatus status, String reason, Optional<Instant> ended) {
        NodeIdentity o = s.owner();
        db.update("record run " + s.runId(),
                "INSERT INTO andon_runs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.runId(), s.experiment(), s.trigger(), o.node(), o.host(), o.pid(),
                orNull(o.processStart().map(Database::utc), NullOf.TIMESTAMP), s.started(),
                orNull(ended.map(Database::utc), NullOf.TIMESTAMP), status.spelling(), clip(reason), false,
                NullOf.BIGINT, s.seed(), s.dryRun(), json.strings(List.of()),
                orNull(s.journalPath(), NullOf.VARCHAR), s.started(), json.settings(s.pluginSettings()));
    }

    @Override
    public void targetsSelected(String runId, List<String> selectedTargets) {
        db.update("record the targets of run " + runId,
                "UPDATE andon_runs SET selected_targets = ? WHERE run_id = ?", json.strings(selectedTargets), runId);
    }

    @Override
    public void finished(RunEnd end) {
        db.update("record the end of run " + end.runId(),
                "UPDATE andon_runs SET ended_at = ?, status = ?, reason = ?, deviated = ?, recovery_ms = ?,"
                        + " selected_targets = ? WHERE run_id = ?",
                end.ended(), end.status().spelling(), clip(end.reason()), end.deviated(),
                orNull(end.timeToRecovery().map(Duration::toMillis), NullOf.BIGINT),
                json.strings(end.selectedTargets()), end.runId());
    }

    @Override
    public void heartbeat(Collection<String> runIds, Instant at) {
        if (runIds.isEmpty()) {
            return;
        }
        db.inTransaction("record a heartbeat", c -> {
            for (String id : runIds) {
                Database.update(c, "UPDATE andon_runs SET heartbeat_at = ? WHERE run_id = ? AND status = ?",
                        at, id, RunStatus.RUNNING.spelling());
            }
            return null;
        });
    }

    @Override
    public boolean claimInterrupted(String runId, String reason, Instant at) {
        // The status condition makes the claim atomic: of two nodes recovering at once, one updates the row.
        return db.update("mark run " + runId + " interrupted",
                "UPDATE andon_runs SET status = ?, reason = ?, ended_at = ? WHERE run_id = ? AND status = ?",
                RunStatus.INTERRUPTED.spelling(), clip(reason), at, runId, RunStatus.RUNNING.spelling()) == 1;
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        return db.query("read run " + runId, "SELECT " + COLUMNS + " FROM andon_runs WHERE run_id = ?", this::row, runId)
                .stream().findFirst();
    }

    @Override
    public List<RunRecord> running() {
        return db.query("list running runs",
                "SELECT " + COLUMNS + " FROM andon_runs WHERE status = ? ORDER BY started_at, run_id", this::row,
                RunStatus.RUNNING.spelling());
    }

    @Override
    public List<RunRecord> query(HistoryQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM andon_runs WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        q.experiment().ifPresent(e -> {
            sql.append(" AND experiment = ?");
            params.add(e);
        });
        q.status().ifPresent(s -> {
            sql.append(" AND status = ?");
            params.add(s.spelling());
        });
        q.since().ifPresent(s -> {
            sql.append(" AND started_at >= ?");
            params.add(s);
        });
        q.node().ifPresent(n -> {
            sql.append(" AND node = ?");
            params.add(n);
        });
        sql.append(" ORDER BY started_at DESC, run_id DESC FETCH FIRST ").append(q.limit()).append(" ROWS ONLY");
        return db.query("query history", sql.toString(), this::row, params.toArray());
    }

    private RunRecord row(ResultSet rs) throws SQLException {
        long recoveryMs = rs.getLong("recovery_ms");
        Optional<Duration> recovery = rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(recoveryMs));
        NodeIdentity owner = new NodeIdentity(rs.getString("node"), rs.getString("host"), rs.getLong("pid"),
                Database.optionalInstant(rs, "process_started"));
        return new RunRecord(
                rs.getString("run_id"),
                rs.getString("experiment"),
                rs.getString("trigger_name"),
                owner,
                Database.instant(rs, "started_at"),
                Database.optionalInstant(rs, "ended_at"),
                RunStatus.fromSpelling(rs.getString("status")),
                rs.getString("reason"),
                rs.getBoolean("deviated"),
                recovery,
                rs.getLong("seed"),
                rs.getBoolean("dry_run"),
                json.strings(rs.getString("selected_targets")),
                Optional.ofNullable(rs.getString("journal_path")),
                Database.instant(rs, "heartbeat_at"),
                json.settings(rs.getString("plugin_settings")));
    }

    private static String clip(String reason) {
        return reason.length() <= REASON_MAX ? reason : reason.substring(0, REASON_MAX - 1) + "…";
    }
}
