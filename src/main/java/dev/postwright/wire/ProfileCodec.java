package dev.postwright.wire;

import static dev.postwright.wire.Fields.put;
import static dev.postwright.wire.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postwright.model.OrganizationProfile;

/** Organization profiles as JSON, for storage and import. */
public final class ProfileCodec {
    private ProfileCodec() {}

    public static OrganizationProfile read(JsonNode n) {
        if (n == null || !n.isObject()) throw new WireFormatException("The organization profile is not a JSON object.");
        return new OrganizationProfile(text(n, "id"), text(n, "name"), text(n, "businessType"), text(n, "audience"),
                text(n, "industry"), text(n, "brandVoice"), Fields.objects(n, "ctas", JobRequestCodec::readCta),
                Fields.objects(n, "internalLinks", l -> new OrganizationProfile.LinkTarget(text(l, "title"),
                        text(l, "url"), Fields.strings(l, "keywords"))), color(n, "brandColor"), color(n, "accentColor"));
    }

    public static ObjectNode write(OrganizationProfile p) {
        ObjectNode o = Json.object();
        put(o, "id", p.id());
        put(o, "name", p.name());
        put(o, "businessType", p.businessType());
        put(o, "audience", p.audience());
        put(o, "industry", p.industry());
        put(o, "brandVoice", p.brandVoice());
        put(o, "brandColor", p.brandColor());
        put(o, "accentColor", p.accentColor());
        Fields.putObjects(o, "ctas", p.ctas(), JobRequestCodec::writeCta);
        Fields.putObjects(o, "internalLinks", p.internalLinks(), l -> {
            ObjectNode lo = Json.object();
            put(lo, "title", l.title());
            put(lo, "url", l.url());
            Fields.putStrings(lo, "keywords", l.keywords());
            return lo;
        });
        return o;
    }

    /** A colour the profile keeps; anything else reads as none, so a bad value never breaks a card. */
    private static String color(JsonNode n, String name) {
        String value = text(n, name);
        return value != null && OrganizationProfile.COLOR.matcher(value).matches() ? value : null;
    }
}
