package dev.postwright.store;

import dev.postwright.model.BlogPost;
import dev.postwright.model.LibraryPost;
import dev.postwright.wire.Json;
import dev.postwright.wire.PostCodec;
import dev.postwright.wire.WireFormatException;
import java.lang.System.Logger.Level;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The writer's saved posts. Thread-safe. */
public final class PostLibrary {
    private static final System.Logger LOG = System.getLogger(PostLibrary.class.getName());
    private static final String COLUMNS = """
            id, organization_id, slug, focus_keyphrase, status, word_count, source_job_id, created_at, updated_at, post""";

    private final Database db;
    private final Clock clock;
    private final Supplier<String> ids;

    public PostLibrary(Database db, Clock clock, Supplier<String> ids) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
    }

    /** What a new library entry needs besides the post itself. */
    public record NewPost(BlogPost post, String organizationId, String slug, String focusKeyphrase, String status,
                          int wordCount, String sourceJobId) {}

    /**
     * Saves a new post. With a {@code sourceJobId}, saving is idempotent: a job resumed after a
     * crash gets back the post it saved before instead of a second copy.
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
        return sql -> {
            sql.update("""
                    INSERT INTO posts (id, organization_id, title, slug, focus_keyphrase, status, word_count,
                                       source_job_id, post, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (source_job_id) WHERE source_job_id IS NOT NULL DO NOTHING""",
                    id, entry.organizationId(), entry.post().title() == null ? "" : entry.post().title(), entry.slug(),
                    keyphrase, entry.status(), entry.wordCount(), entry.sourceJobId(),
                    Json.write(PostCodec.write(entry.post())), now, now);
            String where = entry.sourceJobId() != null ? "source_job_id = ?" : "id = ?";
            return sql.queryOne("SELECT " + COLUMNS + " FROM posts WHERE " + where, PostLibrary::map,
                    entry.sourceJobId() != null ? entry.sourceJobId() : id).orElseThrow();
        };
    }

    /** The post a job saved, if it did. */
    public Optional<LibraryPost> findBySourceJob(String jobId) {
        return db.read(sql -> sql.queryOne("SELECT " + COLUMNS + " FROM posts WHERE source_job_id = ?", PostLibrary::map,
                jobId));
    }

    public Optional<LibraryPost> find(String id) {
        return db.read(sql -> sql.queryOne("SELECT " + COLUMNS + " FROM posts WHERE id = ?", PostLibrary::map, id));
    }

    /** The organization's posts, most recently changed first. */
    public List<LibraryPost> recent(String organizationId, int limit) {
        return db.read(sql -> sql.query("SELECT " + COLUMNS + " FROM posts WHERE organization_id = ? "
                + "ORDER BY updated_at DESC, key DESC LIMIT ?", PostLibrary::map, organizationId, limit))
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    public int count(String organizationId) {
        return db.read(sql -> sql.queryOne("SELECT count(*) FROM posts WHERE organization_id = ?", rs -> rs.getInt(1),
                organizationId)).orElse(0);
    }

    /** How many of the organization's posts, other than {@code exceptPostId}, use {@code keyphrase} (case-insensitive). */
    public int countUsingKeyphrase(String organizationId, String keyphrase, String exceptPostId) {
        String normalized = normalized(keyphrase);
        if (normalized == null) return 0;
        return db.read(sql -> sql.queryOne("SELECT count(*) FROM posts WHERE organization_id = ? "
                        + "AND focus_keyphrase = ? AND id IS NOT ?", rs -> rs.getInt(1), organizationId, normalized,
                exceptPostId)).orElse(0);
    }

    public boolean delete(String id) {
        return db.transaction(sql -> sql.update("DELETE FROM posts WHERE id = ?", id)) == 1;
    }

    private static String normalized(String keyphrase) {
        if (keyphrase == null || keyphrase.isBlank()) return null;
        return keyphrase.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** A row as a post; null (logged) when its stored JSON is damaged, so one bad row hides only itself. */
    private static LibraryPost map(ResultSet rs) throws SQLException {
        BlogPost post;
        try {
            post = PostCodec.read(Json.parse(rs.getString(10), "a stored post"));
        } catch (WireFormatException e) {
            LOG.log(Level.WARNING, "Post {0} cannot be read and is left out: {1}", rs.getString(1), e.getMessage());
            return null;
        }
        return new LibraryPost(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)), Instant.ofEpochMilli(rs.getLong(9)),
                post);
    }
}
