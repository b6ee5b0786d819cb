package dev.postwright.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One connection with its prepared statements cached by SQL text. Not thread-safe: a session
 * is lent to one caller at a time by {@link Database} (or by {@code store.postgres.PostgresPool}),
 * and must not escape that call.
 */
public final class Sql implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    Sql(Connection connection) {
        this.connection = connection;
    }

    /**
     * A session over a connection someone else owns: the PostgreSQL pool ({@code store.postgres})
     * lends one per transaction, so its work is written against the same helper as SQLite's. The
     * caller keeps the connection and its transaction (commit, rollback, close), and drops the
     * session with it; closing the connection closes the statements the session prepared.
     */
    public static Sql over(Connection connection) {
        return new Sql(connection);
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows changed. */
    public int update(String sql, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql, args);
        return statement.executeUpdate();
    }

    /** Runs a query (or a statement with RETURNING) and maps every row. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql, args);
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) rows.add(mapper.map(rs));
        }
        return rows;
    }

    /** The first row mapped, or empty. */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
        PreparedStatement statement = prepare(sql, args);
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
        }
    }

    /** Runs a statement that is not worth caching: DDL, pragmas, transaction control. */
    public void execute(String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The underlying connection, for what this helper does not cover (query plans, metadata). */
    public Connection connection() {
        return connection;
    }

    private PreparedStatement prepare(String sql, Object[] args) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    /**
     * Closes every cached statement. After a failed write (a full disk) the driver can leave a
     * statement half-run, and reusing it fails with "statement is not executing"; fresh ones don't.
     */
    void forgetStatements() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // A statement that cannot even close is gone with the cache; the connection stays usable.
            }
        }
        statements.clear();
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : statements.values()) statement.close();
        statements.clear();
        connection.close();
    }
}
