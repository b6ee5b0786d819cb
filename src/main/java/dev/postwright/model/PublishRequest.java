package dev.postwright.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One library post to send to one WordPress site: a job of its own in the queue (the outbox).
 * Instances may be invalid; {@link #problems()} says why. Title, text, slug, excerpt, images and
 * SEO fields come from the post as it is when the job runs; the request says only where and how.
 *
 * @param postId             the library post
 * @param site               the site's name in Settings
 * @param status             {@code draft}, {@code pending}, {@code publish} or {@code future}
 *                           (scheduled); null reads as {@code draft}
 * @param publishAt          when a scheduled post goes live, in the site's own time zone; required
 *                           for {@code future} only
 * @param categories         category names; missing ones are created on the site
 * @param tags               tag names; missing ones are created on the site
 * @param replaceSiteChanges true when the writer has agreed to overwrite changes made on the site
 *                           since the post was last published there
 */
public record PublishRequest(String postId, String site, String status, LocalDateTime publishAt,
                             List<String> categories, List<String> tags, boolean replaceSiteChanges)
        implements JobInput {
    public static final Set<String> STATUSES = Set.of("draft", "pending", "publish", "future");
    public static final int MAX_TERMS = 50;
    public static final int MAX_TERM_NAME = 200;

    public PublishRequest {
        postId = postId == null ? "" : postId.strip();
        site = site == null ? "" : site.strip();
        status = status == null || status.isBlank() ? "draft" : status.strip().toLowerCase(Locale.ROOT);
        categories = names(categories);
        tags = names(tags);
    }

    /** A draft on the site, without terms. */
    public static PublishRequest draft(String postId, String site) {
        return new PublishRequest(postId, site, "draft", null, List.of(), List.of(), false);
    }

    /** The same request, agreeing to overwrite what was changed on the site. */
    public PublishRequest replacingSiteChanges() {
        return new PublishRequest(postId, site, status, publishAt, categories, tags, true);
    }

    @Override
    public JobKind kind() {
        return JobKind.PUBLISH;
    }

    @Override
    public String title() {
        return "Publish to " + site;
    }

    @Override
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (postId.isEmpty() || postId.length() > 200) problems.add(new FieldProblem("postId", "Choose a post from the library."));
        if (site.isEmpty()) problems.add(new FieldProblem("site", "Choose the site to publish to."));
        else if (site.length() > 200) problems.add(new FieldProblem("site", "That is no site's name."));
        if (!STATUSES.contains(status)) {
            problems.add(new FieldProblem("status", "The status must be draft, pending, publish or future, not \""
                    + status + "\"."));
        }
        if (status.equals("future") && publishAt == null) {
            problems.add(new FieldProblem("publishAt", "Give the date and time the post should go live."));
        }
        terms("categories", "categories", categories, problems);
        terms("tags", "tags", tags, problems);
        return List.copyOf(problems);
    }

    private static void terms(String field, String what, List<String> names, List<FieldProblem> problems) {
        if (names.size() > MAX_TERMS) {
            problems.add(new FieldProblem(field, "Give at most " + MAX_TERMS + " " + what + ", not " + names.size() + "."));
        }
        for (String name : names) {
            if (name.length() > MAX_TERM_NAME) {
                problems.add(new FieldProblem(field, "\"" + name.substring(0, 40) + "…\" is too long for a name of "
                        + what + "; keep it to " + MAX_TERM_NAME + " characters."));
            }
        }
    }

    /** Names stripped, blank ones dropped, each once (compared without case), in the order given. */
    private static List<String> names(List<String> given) {
        if (given == null) return List.of();
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String name : given) {
            if (name == null || name.isBlank()) continue;
            String stripped = name.strip();
            if (seen.add(stripped.toLowerCase(Locale.ROOT))) out.add(stripped);
        }
        return List.copyOf(out);
    }
}
