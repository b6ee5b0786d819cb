package dev.postwright.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The library's PostgreSQL search: the posts' generated {@code search} column, a tsvector of
 * title (weight A), keyphrase (B) and text (D) under its GIN index (migration V3), matched with
 * {@code to_tsquery} and ranked by {@code ts_rank} with SQLite's bm25 weights (10, 5, 1), scaled.
 * Query and words fold accents through the same {@code postwright_search_fold}.
 */
final class PostgresLibraryDialect implements LibraryDialect {
    /** ts_rank's weights in its order {D, C, B, A}: text 1, keyphrase 5, title 10, as SQLite's bm25 has them. */
    private static final String WEIGHTS = "'{0.1, 0.0, 0.5, 1.0}'";

    @Override
    public String search(String columns) {
        return "SELECT " + columns + " FROM posts p, to_tsquery('simple', postwright_search_fold(?)) q "
                + "WHERE p.search @@ q AND p.organization_id = ? AND p.deleted_at IS NULL "
                + "ORDER BY ts_rank(" + WEIGHTS + ", p.search, q) DESC, p.updated_at DESC LIMIT ?";
    }

    /**
     * {@code 'term':* & 'term':*}: each term quoted (it holds letters and digits only, so no quote
     * to escape) and a prefix, all required.
     */
    @Override
    public String searchQuery(List<String> terms) {
        return terms.stream().map(t -> "'" + t + "':*").collect(Collectors.joining(" & "));
    }
}
