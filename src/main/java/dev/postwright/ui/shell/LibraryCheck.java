package dev.postwright.ui.shell;

import dev.postwright.store.DataDirectory;
import dev.postwright.store.Database;
import dev.postwright.store.DatabaseUnavailableException;
import dev.postwright.store.StoreException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the start-up window reports about the writer's library: where it is, and how many jobs it
 * holds by state, or why it could not be opened. Built off the FX thread; immutable.
 */
record LibraryCheck(Path database, Map<String, Integer> jobsByState, String problem) {

    /** Opens the database in {@code dataDir} (creating it if new), counts its jobs and closes it. */
    static LibraryCheck of(Path dataDir) {
        Path file = DataDirectory.databaseIn(dataDir).toAbsolutePath();
        try (Database db = Database.open(file)) {
            Map<String, Integer> counts = new TreeMap<>();
            db.read(sql -> sql.query("SELECT state, count(*) FROM jobs GROUP BY state",
                    rs -> counts.put(rs.getString(1), rs.getInt(2))));
            return new LibraryCheck(file, Map.copyOf(counts), null);
        } catch (DatabaseUnavailableException | StoreException e) {
            return new LibraryCheck(file, Map.of(), e.getMessage());
        }
    }

    boolean isUsable() {
        return problem == null;
    }

    /** "No jobs yet", or "3 jobs: 2 succeeded, 1 failed". */
    String jobSummary() {
        int total = jobsByState.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) return "No jobs yet";
        var parts = new StringBuilder();
        jobsByState.forEach((state, n) -> parts.append(parts.isEmpty() ? "" : ", ").append(n).append(' ').append(state));
        return total + (total == 1 ? " job: " : " jobs: ") + parts;
    }
}
