package dev.postwright.store;

import dev.postwright.model.Publication;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where library posts were published, and which pictures each site already holds (migration
 * V10). A publication row is written in the same transaction as the publish job's checkpoint
 * ({@link #recording}), so a job that is cancelled or taken over records nothing. A post's rows
 * go with it when it is purged. Thread-safe.
 */
public final class Publications {
    private static final String COLUMNS = """
            post_id, site_address, remote_id, link, remote_status, modified_gmt, version, job_id, published_at""";

    /** A picture a site holds: its media id, address and the alt text it was given. */
    public record Media(long mediaId, URI url, String altText) {}

    private final SqlDatabase db;

    public Publications(SqlDatabase db) {
        this.db = db;
    }

    /** The post's publication on the site at {@code siteAddress}, if it was published there. */
    public Optional<Publication> find(String postId, URI siteAddress) {
        return db.read(sql -> sql.queryOne("SELECT " + COLUMNS + " FROM publications WHERE post_id = ? AND site_address = ?",
                Publications::map, postId, siteAddress.toString()));
    }

    /** Every site the post was published to, most recent first. */
    public List<Publication> ofPost(String postId) {
        return db.read(sql -> sql.query("SELECT " + COLUMNS + " FROM publications WHERE post_id = ? "
                + "ORDER BY published_at DESC", Publications::map, postId));
    }

    /** Records (or replaces) a publication: work for the publish job's checkpoint transaction. */
    public SqlWork<Integer> recording(Publication p) {
        return sql -> sql.update("""
                INSERT INTO publications (post_id, site_address, remote_id, link, remote_status, modified_gmt, version,
                                          job_id, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (post_id, site_address) DO UPDATE SET remote_id = excluded.remote_id, link = excluded.link,
                    remote_status = excluded.remote_status, modified_gmt = excluded.modified_gmt,
                    version = excluded.version, job_id = excluded.job_id, published_at = excluded.published_at""",
                p.postId(), p.siteAddress(), p.remoteId(), p.link(), p.remoteStatus(),
                p.modifiedGmt(), p.version(), p.jobId(), p.publishedAt().toEpochMilli());
    }

    /** Forgets the post's publication on a site (the post was deleted there). */
    public void forget(String postId, URI siteAddress) {
        db.transaction(sql -> sql.update("DELETE FROM publications WHERE post_id = ? AND site_address = ?", postId,
                siteAddress.toString()));
    }

    /** The picture with these bytes, if the site holds it already. */
    public Optional<Media> media(URI siteAddress, String sha256) {
        return db.read(sql -> sql.queryOne("SELECT media_id, url, alt_text FROM published_media WHERE site_address = ? "
                + "AND sha256 = ?", rs -> new Media(rs.getLong(1), URI.create(rs.getString(2)), rs.getString(3)),
                siteAddress.toString(), sha256));
    }

    /**
     * Remembers a picture the site now holds. Written at once, not with the job's checkpoint: the
     * upload happened whatever becomes of the job, and a retry should reuse it.
     */
    public void recordMedia(URI siteAddress, String sha256, Media media, Instant at) {
        db.transaction(sql -> sql.update("""
                INSERT INTO published_media (site_address, sha256, media_id, url, alt_text, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (site_address, sha256) DO UPDATE SET media_id = excluded.media_id, url = excluded.url,
                    alt_text = excluded.alt_text, uploaded_at = excluded.uploaded_at""",
                siteAddress.toString(), sha256, media.mediaId(), media.url().toString(), media.altText(), at.toEpochMilli()));
    }

    /** Forgets a picture the site no longer holds (deleted there), so the next publish uploads it again. */
    public void forgetMedia(URI siteAddress, String sha256) {
        db.transaction(sql -> sql.update("DELETE FROM published_media WHERE site_address = ? AND sha256 = ?",
                siteAddress.toString(), sha256));
    }

    private static Publication map(ResultSet rs) throws SQLException {
        return new Publication(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), Instant.ofEpochMilli(rs.getLong(9)));
    }
}
