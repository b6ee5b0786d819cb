package dev.postwright.store;

import dev.postwright.model.OrganizationProfile;
import dev.postwright.wire.Json;
import dev.postwright.wire.ProfileCodec;
import dev.postwright.wire.WireFormatException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;

/** Organization profiles, stored as JSON by organization id. Thread-safe. */
public final class OrganizationProfiles {
    private static final System.Logger LOG = System.getLogger(OrganizationProfiles.class.getName());

    private final SqlDatabase db;
    private final Clock clock;

    public OrganizationProfiles(SqlDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The stored profile; a damaged one is logged and treated as absent rather than failing a job. */
    public Optional<OrganizationProfile> find(String organizationId) {
        return db.read(sql -> sql.queryOne("SELECT profile FROM organizations WHERE id = ?", rs -> rs.getString(1),
                organizationId)).flatMap(json -> {
                    try {
                        return Optional.of(ProfileCodec.read(Json.parse(json, "the stored profile")));
                    } catch (WireFormatException e) {
                        LOG.log(Level.WARNING, "The profile of organization {0} cannot be read: {1}", organizationId,
                                e.getMessage());
                        return Optional.empty();
                    }
                });
    }

    public void save(OrganizationProfile profile) {
        String json = Json.write(ProfileCodec.write(profile));
        db.transaction(sql -> sql.update("""
                INSERT INTO organizations (id, profile, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET profile = excluded.profile, updated_at = excluded.updated_at""",
                profile.id(), json, clock.millis()));
    }
}
