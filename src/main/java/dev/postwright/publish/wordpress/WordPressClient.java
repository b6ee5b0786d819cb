package dev.postwright.publish.wordpress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One site's WordPress REST API (wp/v2) over {@code java.net.http}, authenticated with an
 * application password. Thread-safe; every call blocks its caller for at most the timeout given
 * per request. Failures are {@link WordPressException}s whose message is a sentence for the
 * writer; the password is never in a message, a log line or {@link #toString()}.
 */
public final class WordPressClient {
    static final String API_LINK_REL = "rel=\"https://api.w.org/\"";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The REST API's {@code date}: the site's local time, to the second ({@code LocalDateTime.toString} drops ":00"). */
    private static final java.time.format.DateTimeFormatter SITE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final HttpClient http;
    private final Site site;
    private final String authorization;
    private final Duration timeout;
    private final WordPressCalls calls;

    public WordPressClient(HttpClient http, Site site, String applicationPassword, Duration timeout) {
        this.http = http;
        this.site = site;
        // WordPress shows application passwords in groups of four; it accepts them with or without spaces.
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (site.user() + ":" + applicationPassword.replace(" ", "")).getBytes(StandardCharsets.UTF_8));
        this.timeout = timeout;
        this.calls = new WordPressCalls(http, site, authorization, timeout);
    }

    public Site site() {
        return site;
    }

    /** Whether the site is WordPress, its REST API answers and the password is accepted. Never throws. */
    public ConnectionCheck check() {
        return new ConnectionTest(http, site, authorization, timeout).run();
    }

    /** All terms of a taxonomy ({@code categories} or {@code tags}), name → id, every page read. */
    public Map<String, Long> terms(String taxonomy) throws WordPressException {
        Map<String, Long> terms = new LinkedHashMap<>();
        int pages = 1;
        for (int page = 1; page <= pages; page++) {
            WordPressCalls.Reply reply = calls.get("wp/v2/" + taxonomy + "?per_page=100&context=edit&page=" + page);
            for (JsonNode term : reply.json()) {
                terms.put(term.path("name").asText(), term.path("id").asLong());
            }
            pages = reply.totalPages();
        }
        return terms;
    }

    /**
     * The ids of the named terms, creating those the site lacks. A name the site already has
     * under another spelling (WordPress answers {@code term_exists} with its id) reuses that term.
     */
    public List<Long> ensureTerms(String taxonomy, List<String> names) throws WordPressException {
        Map<String, Long> known = new LinkedHashMap<>();
        terms(taxonomy).forEach((name, id) -> known.put(name.toLowerCase(java.util.Locale.ROOT), id));
        List<Long> ids = new ArrayList<>();
        for (String name : names) {
            Long id = known.get(name.toLowerCase(java.util.Locale.ROOT));
            if (id == null) {
                ObjectNode body = JSON.createObjectNode().put("name", name);
                try {
                    id = calls.sendKeepingSiteErrors("POST", "wp/v2/" + taxonomy, body).json().path("id").asLong();
                } catch (WordPressCalls.SiteError e) {
                    if (!e.code().equals("term_exists") || !e.data().has("term_id")) {
                        throw e.toException();
                    }
                    id = e.data().path("term_id").asLong();
                }
                known.put(name.toLowerCase(java.util.Locale.ROOT), id);
            }
            ids.add(id);
        }
        return ids;
    }

    /** Uploads an image and sets its alt text; refusals (type, size) come back as sentences. */
    public UploadedMedia upload(String fileName, String contentType, byte[] bytes, String altText)
            throws WordPressException {
        String safeName = fileName.replaceAll("[^A-Za-z0-9._-]", "-");
        JsonNode media = calls.upload(safeName, contentType, bytes);
        long id = media.path("id").asLong();
        if (!altText.isEmpty()) {
            media = calls.send("POST", "wp/v2/media/" + id, JSON.createObjectNode().put("alt_text", altText)).json();
        }
        return new UploadedMedia(id, URI.create(media.path("source_url").asText()), media.path("alt_text").asText());
    }

    /** The address of the site's media item {@code id}; empty when the site no longer has it (deleted there). */
    public Optional<URI> media(long id) throws WordPressException {
        try {
            JsonNode media = calls.getKeepingSiteErrors("wp/v2/media/" + id + "?context=edit&_fields=id,source_url").json();
            return Optional.of(URI.create(media.path("source_url").asText()));
        } catch (WordPressCalls.SiteError e) {
            if (e.code().equals("rest_post_invalid_id")) return Optional.empty();
            throw e.toException();
        }
    }

    /** Sets an uploaded image's alt text (when the writer changed it since the upload). */
    public void setAltText(long mediaId, String altText) throws WordPressException {
        calls.send("POST", "wp/v2/media/" + mediaId, JSON.createObjectNode().put("alt_text", altText));
    }

    /** Creates a post; the draft's marker goes into the content. */
    public RemotePost create(PostDraft draft) throws WordPressException {
        return post(calls.send("POST", "wp/v2/posts?context=edit", body(draft)).json());
    }

    /** Updates the site's post {@code id} with the draft (never creates one). */
    public RemotePost update(long id, PostDraft draft) throws WordPressException {
        return post(calls.send("POST", "wp/v2/posts/" + id + "?context=edit", body(draft)).json());
    }

    /** The site's post {@code id}, as the site has it now; empty when the site has no such post (deleted there). */
    public Optional<RemotePost> read(long id) throws WordPressException {
        try {
            return Optional.of(post(calls.getKeepingSiteErrors("wp/v2/posts/" + id + "?context=edit").json()));
        } catch (WordPressCalls.SiteError e) {
            if (e.code().equals("rest_post_invalid_id")) return Optional.empty();
            throw e.toException();
        }
    }

    /**
     * The post, in any status, whose content carries {@code marker}: what a retry asks before
     * creating again, in case the first create reached the site and only its answer was lost.
     */
    public Optional<RemotePost> findByMarker(String marker) throws WordPressException {
        String comment = Markers.comment(marker);
        WordPressCalls.Reply reply = calls.get("wp/v2/posts?status=any&context=edit&per_page=100&search="
                + URLEncoder.encode(Markers.searchTerm(marker), StandardCharsets.UTF_8));
        for (JsonNode post : reply.json()) {
            if (post.path("content").path("raw").asText().contains(comment)) {
                return Optional.of(post(post));
            }
        }
        return Optional.empty();
    }

    /** Creates the post unless a post with its marker exists already, which is updated instead. */
    public RemotePost createOnce(PostDraft draft) throws WordPressException {
        Optional<RemotePost> earlier = findByMarker(draft.marker());
        return earlier.isPresent() ? update(earlier.get().id(), draft) : create(draft);
    }

    /** Which SEO plugin's fields the site lets REST write on posts (the post schema's meta keys). */
    public SeoFields seoFields() throws WordPressException {
        return SeoFields.of(calls.send("OPTIONS", "wp/v2/posts", null).json());
    }

    private ObjectNode body(PostDraft draft) throws WordPressException {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", draft.title());
        body.put("content", Markers.comment(draft.marker()) + "\n" + draft.html());
        body.put("status", draft.status().wire);
        draft.date().ifPresent(date -> body.put("date", SITE_TIME.format(date)));
        if (!draft.slug().isEmpty()) {
            body.put("slug", draft.slug());
        }
        body.put("excerpt", draft.excerpt());
        draft.categories().forEach(body.putArray("categories")::add);
        draft.tags().forEach(body.putArray("tags")::add);
        draft.featuredMedia().ifPresent(media -> body.put("featured_media", media));
        if (!draft.seo().isEmpty()) {
            SeoFields fields = seoFields();
            ObjectNode meta = body.putObject("meta");
            fields.keys(draft.seo()).forEach(meta::put);
        }
        return body;
    }

    private static RemotePost post(JsonNode json) {
        Map<String, String> meta = new LinkedHashMap<>();
        json.path("meta").fields().forEachRemaining(field -> meta.put(field.getKey(), field.getValue().asText()));
        return new RemotePost(json.path("id").asLong(), URI.create(json.path("link").asText("about:blank")),
                json.path("status").asText(), json.path("modified_gmt").asText(),
                json.path("title").path("raw").asText(json.path("title").path("rendered").asText()),
                json.path("content").path("raw").asText(), ids(json.path("categories")), ids(json.path("tags")),
                json.path("featured_media").asLong(), meta);
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        if (array instanceof ArrayNode items) {
            items.forEach(item -> ids.add(item.asLong()));
        }
        return List.copyOf(ids);
    }

    @Override
    public String toString() {
        return "WordPressClient[" + site + "]";
    }
}
