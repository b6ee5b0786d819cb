package dev.postwright.queue.internal;

import dev.postwright.model.JobInput;
import dev.postwright.model.JobKind;
import dev.postwright.model.JobResult;
import dev.postwright.model.JobStatus;
import dev.postwright.store.SqlDatabase;
import dev.postwright.wire.JobInputCodec;
import dev.postwright.wire.Json;
import dev.postwright.wire.ResultCodec;
import dev.postwright.wire.WireFormatException;
import java.lang.System.Logger.Level;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads job rows as {@link JobStatus} snapshots, and a job's stored request. */
final class JobRows {
    private static final System.Logger LOG = System.getLogger(JobRows.class.getName());
    private final SqlDatabase db;
    /** The status columns, in the order {@link #map} reads them. */
    private final String columns;

    JobRows(SqlDatabase db, QueueDialect dialect) {
        this.db = db;
        this.columns = """
                id, state, progress, current_step, eta_seconds, error, error_code, created_at, updated_at, attempts,
                owner, %s, finished_at, kind""".formatted(dialect.requestTitle());
    }

    Optional<JobStatus> status(String jobId) {
        return db.read(sql -> sql.queryOne("SELECT " + columns + ", result FROM jobs WHERE id = ?",
                rs -> map(rs, result(rs.getString(1), rs.getString(15))), jobId));
    }

    Optional<JobInput> input(String jobId) {
        return db.read(sql -> sql.queryOne("SELECT kind, request FROM jobs WHERE id = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, jobId)).flatMap(row -> {
                    try {
                        return Optional.of(JobInputCodec.decode(JobKind.ofSqlName(row[0]), row[1]));
                    } catch (WireFormatException e) {
                        LOG.log(Level.WARNING, "The stored request of job {0} cannot be read: {1}", jobId, e.getMessage());
                        return Optional.empty();
                    }
                });
    }

    /** Newest first, results left out. */
    List<JobStatus> list(int limit) {
        return db.read(sql -> sql.query("SELECT " + columns + " FROM jobs ORDER BY created_at DESC, key DESC LIMIT ?",
                rs -> map(rs, null), limit));
    }

    /** Jobs of {@code kind}, newest first, results left out. */
    List<JobStatus> list(int limit, JobKind kind) {
        return db.read(sql -> sql.query("SELECT " + columns + " FROM jobs WHERE kind = ? ORDER BY created_at DESC, key DESC "
                + "LIMIT ?", rs -> map(rs, null), kind.sqlName(), limit));
    }

    /** The owner's jobs, newest first, results left out. */
    List<JobStatus> listOwnedBy(String owner, int limit) {
        return db.read(sql -> sql.query("SELECT " + columns + " FROM jobs WHERE owner = ? "
                + "ORDER BY created_at DESC, key DESC LIMIT ?", rs -> map(rs, null), owner, limit));
    }

    private static JobStatus map(ResultSet rs, JobResult result) throws SQLException {
        Object eta = rs.getObject(5);
        return new JobStatus(rs.getString(1), JobTransitions.fromSql(rs.getString(2)), rs.getInt(3), rs.getString(4),
                eta == null ? null : ((Number) eta).intValue(), rs.getString(6), rs.getString(7),
                result, Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)), rs.getInt(10),
                rs.getString(11), rs.getString(12), rs.getObject(13) == null ? null : Instant.ofEpochMilli(rs.getLong(13)),
                JobKind.ofSqlName(rs.getString(14)));
    }

    private static JobResult result(String jobId, String json) {
        if (json == null) return null;
        try {
            return ResultCodec.readResult(Json.parse(json, "the stored result"));
        } catch (WireFormatException e) {
            // A damaged result must not hide the rest of the status.
            LOG.log(Level.WARNING, "The stored result of job {0} cannot be read: {1}", jobId, e.getMessage());
            return null;
        }
    }
}
