package dev.postwright.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells Postwright's database files from other programs' files of the same name. Our files carry
 * {@value #APPLICATION_ID} ("PWRT" in ASCII) in {@code PRAGMA application_id}, which SQLite keeps
 * in the file header for exactly this purpose. Files made before the id existed have id 0 and
 * nothing but our tables; they are ours too, and get the id when they are next opened.
 *
 * <p>{@link #of} only reads, so a file it calls {@link Verdict#FOREIGN} is left byte for byte
 * as it was. Not thread-safe: it runs on the connection that opens the file.
 */
final class FileIdentity {
    /** "PWRT": 0x50575254. Never change it; every existing library carries it. */
    static final int APPLICATION_ID = 0x50575254;
    private static final Pattern CREATED_TABLE =
            Pattern.compile("CREATE\\s+(VIRTUAL\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);

    /** What a file is to Postwright. */
    enum Verdict {
        /** Carries our id. */
        OURS,
        /** Ours from before the id (id 0, only our tables), or a new, empty file: stamp it. */
        OURS_UNMARKED,
        /** Another program's: leave it alone. */
        FOREIGN
    }

    private FileIdentity() {}

    static Verdict of(Sql sql) throws SQLException {
        int id = sql.queryOne("PRAGMA application_id", rs -> rs.getInt(1)).orElse(0);
        if (id == APPLICATION_ID) return Verdict.OURS;
        if (id != 0) return Verdict.FOREIGN;
        List<String> tables = sql.query("SELECT name FROM sqlite_master WHERE type = 'table' "
                + "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'", rs -> rs.getString(1));
        int version = Migrations.currentVersion(sql);
        if (tables.isEmpty()) return version == 0 ? Verdict.OURS_UNMARKED : Verdict.FOREIGN;
        // A table name alone proves little ("jobs", "posts"), so every table must be one of ours,
        // the first migration's tables must all be there, and the schema version must say our
        // migrations made them.
        var names = tables.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        boolean onlyOurs = names.stream().allMatch(FileIdentity::isOurs);
        boolean firstOnesThere = names.containsAll(Tables.FIRST_MIGRATION);
        return onlyOurs && firstOnesThere && version >= 1 ? Verdict.OURS_UNMARKED : Verdict.FOREIGN;
    }

    /** Writes our id into the header. Idempotent; part of the caller's transaction if one is open. */
    static void mark(Sql sql) throws SQLException {
        sql.execute("PRAGMA application_id = " + APPLICATION_ID);
    }

    static String refusal(Path file) {
        return "The file " + file + " belongs to another program: it is not a Postwright database, so Postwright "
                + "has left it exactly as it was. Move it elsewhere, or choose another data folder, and Postwright "
                + "will make its own database there.";
    }

    private static boolean isOurs(String table) {
        String name = table.toLowerCase(Locale.ROOT);
        for (Created created : Tables.ALL) {
            if (name.equals(created.name())) return true;
            // A virtual table (full-text search) keeps its data in shadow tables named after it.
            if (created.virtual() && name.startsWith(created.name() + "_")) return true;
        }
        return false;
    }

    private record Created(String name, boolean virtual) {}

    /** Every table our migration scripts create, read from the scripts so a new one is never forgotten. */
    private static final class Tables {
        static final Set<Created> ALL = read(Migrations.SCRIPTS);
        static final List<String> FIRST_MIGRATION =
                read(Migrations.SCRIPTS.subList(0, 1)).stream().map(Created::name).toList();

        private static Set<Created> read(List<String> scripts) {
            var all = new java.util.HashSet<Created>();
            for (String script : scripts) {
                for (String statement : Migrations.statements(script)) {
                    Matcher m = CREATED_TABLE.matcher(statement);
                    if (m.lookingAt()) all.add(new Created(m.group(2).toLowerCase(Locale.ROOT), m.group(1) != null));
                }
            }
            return Set.copyOf(all);
        }
    }
}
