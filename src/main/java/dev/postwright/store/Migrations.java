package dev.postwright.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Forward-only schema migrations, numbered by position: script n brings the schema to version
 * n, recorded in {@code PRAGMA user_version}. Each script runs in its own IMMEDIATE
 * transaction, so two processes opening one new file at once apply it exactly once.
 */
final class Migrations {
    /** Never edit a released script; add a new one. */
    static final List<String> SCRIPTS = List.of("V1__job_queue.sql", "V2__library.sql", "V3__stage_timings.sql",
            "V4__library_versions_and_search.sql", "V5__job_owners.sql", "V6__write_probe.sql",
            "V7__post_owners.sql", "V8__images.sql", "V9__image_jobs.sql", "V10__publishing.sql");

    private Migrations() {}

    static int latest() {
        return SCRIPTS.size();
    }

    static int currentVersion(Sql sql) throws SQLException {
        return sql.queryOne("PRAGMA user_version", rs -> rs.getInt(1)).orElse(0);
    }

    /** Applies every script past the file's version; returns how many ran. */
    static int apply(Sql sql) throws SQLException {
        int applied = 0;
        for (int version = currentVersion(sql) + 1; version <= latest(); version++) {
            sql.execute("BEGIN IMMEDIATE");
            try {
                // Another process may have migrated while we waited for the lock.
                if (currentVersion(sql) < version) {
                    for (String statement : statements(SCRIPTS.get(version - 1))) sql.execute(statement);
                    sql.execute("PRAGMA user_version = " + version);
                    applied++;
                }
                sql.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                sql.execute("ROLLBACK");
                throw e;
            }
        }
        return applied;
    }

    /**
     * Scripts hold plain DDL: a statement ends with ';' at a line end, except inside a trigger,
     * which ends at its "END;" line; '--' comments stand on their own lines.
     */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        var current = new StringBuilder();
        for (String line : script.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("--") || (stripped.isEmpty() && current.isEmpty())) continue;
            current.append(line).append('\n');
            boolean inTrigger = current.toString().stripLeading().toUpperCase(Locale.ROOT).startsWith("CREATE TRIGGER");
            if (inTrigger ? stripped.equalsIgnoreCase("END;") : stripped.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) out.add(current.toString().strip());
        return out;
    }

    static List<String> statements(String script) {
        String path = "/dev/postwright/store/migrations/" + script;
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("migration " + path + " is missing from the build");
            return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
