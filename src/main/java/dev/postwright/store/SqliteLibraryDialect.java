package dev.postwright.store;

import java.util.List;
import java.util.stream.Collectors;

/** The library's SQLite search: the FTS5 table posts_search, kept by triggers (migration V4), ranked by bm25. */
final class SqliteLibraryDialect implements LibraryDialect {
    @Override
    public String search(String columns) {
        return "SELECT " + columns + " FROM posts_search s JOIN posts p ON p.key = s.rowid "
                + "WHERE posts_search MATCH ? AND p.organization_id = ? AND p.deleted_at IS NULL "
                + "ORDER BY bm25(posts_search, 10.0, 1.0, 5.0), p.updated_at DESC LIMIT ?";
    }

    /** {@code "term"* "term"*}: FTS5 phrases, each a prefix, all required. */
    @Override
    public String searchQuery(List<String> terms) {
        return terms.stream().map(t -> "\"" + t + "\"*").collect(Collectors.joining(" "));
    }
}
