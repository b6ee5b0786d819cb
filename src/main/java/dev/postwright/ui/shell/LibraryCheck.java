package dev.postwright.ui.shell;

import dev.postwright.store.DataDirectory;
import dev.postwright.store.Database;
import dev.postwright.store.DatabaseUnavailableException;
import dev.postwright.store.StoreException;
import dev.postwright.model.JobState;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the start-up window reports about the writer's library: where it is, and how many jobs it
 * holds by state, or why it could not be opened. Built off the FX thread; immutable.
 */
record LibraryCheck(Path database, Map<JobState, Integer> jobsByState, String problem) {

    /** Opens the database in {@code dataDir} (creating it if new), counts its jobs and closes it. */
    static LibraryCheck of(Path dataDir) {
        Path file = DataDirectory.databaseIn(dataDir).toAbsolutePath();
        try (Database db = Database.open(file)) {
            // An EnumMap lists states in the order of a job's life, whatever order SQL returns them in.
            Map<JobState, Integer> counts = new EnumMap<>(JobState.class);
            db.read(sql -> sql.query("SELECT state, count(*) FROM jobs GROUP BY state",
                    rs -> counts.put(JobState.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), rs.getInt(2))));
            return new LibraryCheck(file, Collections.unmodifiableMap(counts), null);
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
        jobsByState.forEach((state, n) -> parts.append(parts.isEmpty() ? "" : ", ").append(n).append(' ')
                .append(state.name().toLowerCase(Locale.ROOT)));
        return total + (total == 1 ? " job: " : " jobs: ") + parts;
    }
}
