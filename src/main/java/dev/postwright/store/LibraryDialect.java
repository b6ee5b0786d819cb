package dev.postwright.store;

import java.util.List;

/**
 * The library's statements where SQLite and PostgreSQL differ (decision 0043): only the search.
 * Every other statement of {@link PostLibrary}, {@link ImageStore}, {@link Publications},
 * {@link OrganizationProfiles} and {@link StageTimings} is written once and runs on both.
 */
sealed interface LibraryDialect permits SqliteLibraryDialect, PostgresLibraryDialect {

    static LibraryDialect of(SqlDatabase db) {
        return switch (db.dialect()) {
            case SQLITE -> new SqliteLibraryDialect();
            case POSTGRESQL -> new PostgresLibraryDialect();
        };
    }

    /**
     * A query of {@code columns} (prefixed {@code p.}) of the live posts of one organization that
     * match every term, best first, then most recently changed; its parameters are the
     * {@linkplain #searchQuery match}, the organization id and the limit, in that order.
     */
    String search(String columns);

    /** The match parameter of {@link #search} for {@code terms}: each a word of letters and digits, matched as a prefix. */
    String searchQuery(List<String> terms);
}
