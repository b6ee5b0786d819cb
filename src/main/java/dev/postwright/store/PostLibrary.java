package dev.postwright.store;

import dev.postwright.model.BlogPost;
import dev.postwright.model.LibraryPost;
import dev.postwright.model.PostVersion;
import dev.postwright.wire.Json;
import dev.postwright.wire.PostCodec;
import dev.postwright.wire.WireFormatException;
import java.lang.System.Logger.Level;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The writer's saved posts. Every save keeps a version the writer can go back to; deleting
 * hides a post at once and removes it only when {@link #purgeDeletedBefore} runs, so Undo can
 * bring it back. Damaged stored posts are logged and left out, one row hiding only itself.
 * Thread-safe.
 */
public final class PostLibrary {
    private static final System.Logger LOG = System.getLogger(PostLibrary.class.getName());
    private static final String COLUMNS = """
            id, organization_id, slug, focus_keyphrase, status, word_count, source_job_id, created_at, updated_at, version,
            post""";
    private static final Pattern SEARCH_TERM = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_SEARCH_TERMS = 12;

    private final SqlDatabase db;
    private final LibraryDialect dialect;
    private final Clock clock;
    private final Supplier<String> ids;

    /** A library on {@code db}, SQLite's or PostgreSQL's: the same posts, versions and search on both. */
    public PostLibrary(SqlDatabase db, Clock clock, Supplier<String> ids) {
        this.db = db;
        this.dialect = LibraryDialect.of(db);
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * What a new library entry needs besides the post itself.
     *
     * @param sourceJobId the job that wrote it, or null for a post saved by hand
     * @param owner       the team server's user it belongs to, or null for the desktop's own posts
     */
    public record NewPost(BlogPost post, String organizationId, String slug, String focusKeyphrase, String status,
                          int wordCount, String sourceJobId, String owner) {
        /** A post of the desktop's own library, which has no owners. */
        public NewPost(BlogPost post, String organizationId, String slug, String focusKeyphrase, String status,
                       int wordCount, String sourceJobId) {
            this(post, organizationId, slug, focusKeyphrase, status, wordCount, sourceJobId, null);
        }
    }

    /**
     * An edited post: what a writer changes in the editor, saved as its next version; {@code slug}
     * null keeps the slug it has (slugs are not versioned).
     */
    public record Revision(BlogPost post, String focusKeyphrase, String status, int wordCount, String slug) {
        public Revision(BlogPost post, String focusKeyphrase, String status, int wordCount) {
            this(post, focusKeyphrase, status, wordCount, null);
        }
    }

    /**
     * Saves a new post as its version 1. With a {@code sourceJobId}, saving is idempotent: a job
     * resumed after a crash gets back the post it saved before instead of a second copy.
     */
    public LibraryPost save(NewPost entry) {
        return db.transaction(saving(entry));
    }

    /**
     * The write work of {@link #save}, for a caller that must run it inside a transaction of its
     * own (a job saving its post together with its checkpoint).
     */
    public SqlWork<LibraryPost> saving(NewPost entry) {
        long now = clock.millis();
        String id = ids.get();
        String keyphrase = normalized(entry.focusKeyphrase());
        String json = Json.write(PostCodec.write(entry.post()));
        return sql -> {
            int inserted = sql.update("""
                    INSERT INTO posts (id, organization_id, title, slug, focus_keyphrase, status, word_count,
                                       source_job_id, post, created_at, updated_at, version, owner)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                    ON CONFLICT (source_job_id) WHERE source_job_id IS NOT NULL DO NOTHING""",
                    id, entry.organizationId(), titleOf(entry.post()), entry.slug(), keyphrase, entry.status(),
                    entry.wordCount(), entry.sourceJobId(), json, now, now, entry.owner());
            if (inserted == 1) {
                sql.update("INSERT INTO post_versions (post_id, number, post, word_count, saved_at, reason) "
                        + "VALUES (?, 1, ?, ?, ?, ?)", id, json, entry.wordCount(), now,
                        entry.sourceJobId() != null ? "Generated" : "Saved");
            }
            String where = entry.sourceJobId() != null ? "source_job_id = ?" : "id = ?";
            return sql.queryOne("SELECT " + COLUMNS + " FROM posts WHERE " + where, PostLibrary::map,
                    entry.sourceJobId() != null ? entry.sourceJobId() : id).orElseThrow();
        };
    }

    /**
     * Saves {@code revision} as the post's next version.
     *
     * @return the post as saved, or empty when it no longer exists (deleted meanwhile)
     */
    public Optional<LibraryPost> update(String id, Revision revision, String reason) {
        String json = Json.write(PostCodec.write(revision.post()));
        long now = clock.millis();
        return db.transaction(sql -> {
            int changed = sql.update("""
                    UPDATE posts SET title = ?, focus_keyphrase = ?, status = ?, word_count = ?, post = ?,
                                     slug = COALESCE(?, slug), updated_at = ?, version = version + 1
                    WHERE id = ? AND deleted_at IS NULL""", titleOf(revision.post()),
                    normalized(revision.focusKeyphrase()), revision.status(), revision.wordCount(), json,
                    blankToNull(revision.slug()), now, id);
            if (changed == 0) return Optional.empty();
            sql.update("""
                    INSERT INTO post_versions (post_id, number, post, word_count, saved_at, reason)
                    SELECT id, version, post, word_count, updated_at, ? FROM posts WHERE id = ?""", reason, id);
            return sql.queryOne("SELECT " + COLUMNS + " FROM posts WHERE id = ?", PostLibrary::map, id);
        });
    }

    /** Every saved version of the post, newest first. */
    public List<PostVersion> versions(String id) {
        return db.read(sql -> sql.query("""
                SELECT number, saved_at, reason, word_count FROM post_versions WHERE post_id = ? ORDER BY number DESC""",
                rs -> new PostVersion(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getInt(4)),
                id));
    }

    /** The post as it was saved in version {@code number}; empty when absent or unreadable. */
    public Optional<BlogPost> version(String id, int number) {
        return db.read(sql -> sql.queryOne("SELECT post FROM post_versions WHERE post_id = ? AND number = ?",
                rs -> rs.getString(1), id, number)).flatMap(json -> readPost(json, id));
    }

    /** Makes version {@code number} the latest again, as a new version; the versions between are kept. */
    public Optional<LibraryPost> restore(String id, int number) {
        Optional<LibraryPost> current = find(id);
        Optional<BlogPost> old = version(id, number);
        if (current.isEmpty() || old.isEmpty()) return Optional.empty();
        int words = versions(id).stream().filter(v -> v.number() == number).findFirst().map(PostVersion::wordCount)
                .orElse(current.get().wordCount());
        return update(id, new Revision(old.get(), current.get().focusKeyphrase(), current.get().status(), words),
                "Restored version " + number);
    }

    /** The post a job saved, if it did (deleted or not: a resumed job must not save it twice). */
    public Optional<LibraryPost> findBySourceJob(String jobId) {
        return db.read(sql -> sql.queryOne("SELECT " + COLUMNS + " FROM posts WHERE source_job_id = ?", PostLibrary::map,
                jobId));
    }

    /** A post in the library; empty when absent, deleted or unreadable. */
    public Optional<LibraryPost> find(String id) {
        return db.read(sql -> sql.queryOne("SELECT " + COLUMNS + " FROM posts WHERE id = ? AND deleted_at IS NULL",
                PostLibrary::map, id));
    }

    /** {@code owner}'s post {@code id}; empty when absent, deleted, unreadable or someone else's. */
    public Optional<LibraryPost> findOwned(String id, String owner) {
        return db.read(sql -> sql.queryOne("SELECT " + COLUMNS + " FROM posts WHERE id = ? AND owner = ? "
                + "AND deleted_at IS NULL", PostLibrary::map, id, owner));
    }

    /** {@code owner}'s posts, every organization's, most recently changed first, skipping {@code offset} of them. */
    public List<LibraryPost> ownedBy(String owner, int limit, int offset) {
        return db.read(sql -> sql.query("SELECT " + COLUMNS + " FROM posts WHERE owner = ? AND deleted_at IS NULL "
                + "ORDER BY updated_at DESC, key DESC LIMIT ? OFFSET ?", PostLibrary::map, owner, limit, offset))
                .stream().filter(Objects::nonNull).toList();
    }

    /** The organization's posts, most recently changed first. */
    public List<LibraryPost> recent(String organizationId, int limit) {
        return db.read(sql -> sql.query("SELECT " + COLUMNS + " FROM posts WHERE organization_id = ? "
                + "AND deleted_at IS NULL ORDER BY updated_at DESC, key DESC LIMIT ?", PostLibrary::map, organizationId,
                limit)).stream().filter(Objects::nonNull).toList();
    }

    /**
     * The organization's posts matching every word of {@code query} (as a word or the start of
     * one) in the title, text or keyphrase, best matches first; {@link #recent} for a blank query.
     * Any text is a valid query: punctuation and search operators are ignored.
     */
    public List<LibraryPost> search(String organizationId, String query, int limit) {
        List<String> terms = new ArrayList<>();
        var m = SEARCH_TERM.matcher(query == null ? "" : query);
        while (m.find() && terms.size() < MAX_SEARCH_TERMS) terms.add(m.group());
        if (terms.isEmpty()) return recent(organizationId, limit);
        String match = dialect.searchQuery(terms);
        return db.read(sql -> sql.query(dialect.search(prefixed("p.")), PostLibrary::map, match, organizationId, limit))
                .stream().filter(Objects::nonNull).toList();
    }

    public int count(String organizationId) {
        return db.read(sql -> sql.queryOne("SELECT count(*) FROM posts WHERE organization_id = ? AND deleted_at IS NULL",
                rs -> rs.getInt(1), organizationId)).orElse(0);
    }

    /** How many of the organization's posts, other than {@code exceptPostId}, use {@code keyphrase} (case-insensitive). */
    public int countUsingKeyphrase(String organizationId, String keyphrase, String exceptPostId) {
        String normalized = normalized(keyphrase);
        if (normalized == null) return 0;
        return db.read(sql -> sql.queryOne("SELECT count(*) FROM posts WHERE organization_id = ? "
                        + "AND focus_keyphrase = ? AND id IS DISTINCT FROM ? AND deleted_at IS NULL", rs -> rs.getInt(1),
                organizationId, normalized, exceptPostId)).orElse(0);
    }

    /** Hides the post from the library; {@link #undelete} brings it back until it is purged. */
    public boolean delete(String id) {
        return db.transaction(sql -> sql.update("UPDATE posts SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                clock.millis(), id)) == 1;
    }

    public boolean undelete(String id) {
        return db.transaction(sql -> sql.update("UPDATE posts SET deleted_at = NULL WHERE id = ?", id)) == 1;
    }

    /** Removes, with their versions, posts deleted before {@code cutoff}; returns how many. */
    public int purgeDeletedBefore(Instant cutoff) {
        return db.transaction(sql -> sql.update("DELETE FROM posts WHERE deleted_at < ?", cutoff.toEpochMilli()));
    }

    private static String prefixed(String alias) {
        return alias + COLUMNS.replace("\n", " ").replace(", ", ", " + alias);
    }

    private static String titleOf(BlogPost post) {
        return post.title() == null ? "" : post.title();
    }

    private static String normalized(String keyphrase) {
        if (keyphrase == null || keyphrase.isBlank()) return null;
        return keyphrase.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Optional<BlogPost> readPost(String json, String id) {
        try {
            return Optional.of(PostCodec.read(Json.parse(json, "a stored post")));
        } catch (WireFormatException e) {
            LOG.log(Level.WARNING, "Post {0} cannot be read and is left out: {1}", id, e.getMessage());
            return Optional.empty();
        }
    }

    /** A row as a post; null (logged) when its stored JSON is damaged. */
    private static LibraryPost map(ResultSet rs) throws SQLException {
        Optional<BlogPost> post = readPost(rs.getString(11), rs.getString(1));
        if (post.isEmpty()) return null;
        return new LibraryPost(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)),
                rs.getInt(10), post.get());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
