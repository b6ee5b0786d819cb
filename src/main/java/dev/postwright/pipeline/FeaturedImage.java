package dev.postwright.pipeline;

import dev.postwright.images.BrandColours;
import dev.postwright.images.CardText;
import dev.postwright.images.ImageMaker;
import dev.postwright.model.ImageQuality;
import dev.postwright.images.ImageRequest;
import dev.postwright.images.ImageSize;
import dev.postwright.model.BlogPost;
import dev.postwright.model.ImageRefs;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.Outline;
import dev.postwright.model.StoredImage;
import dev.postwright.model.VisualSuggestion;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The featured image of a blog job: which visual suggestion it comes from, what the maker is asked
 * for, and where the post shows it. A suggestion that no image replaced stays a placeholder.
 * Stateless.
 */
final class FeaturedImage {
    static final String PLACEMENT = "featured";
    /** The writers' placeholder for the featured image: {@code ![IMAGE:featured:description]}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("!\\[IMAGE:featured[^\\]\\n]*]", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST_HEADING = Pattern.compile("\\A(\\s*# [^\\n]*\\n)");

    private FeaturedImage() {}

    /** The suggestion to make the featured image from: one of type featured, else the first image, else none. */
    static Optional<VisualSuggestion> suggestion(List<VisualSuggestion> visuals) {
        return visuals.stream().filter(v -> typeContains(v, "featured")).findFirst()
                .or(() -> visuals.stream().filter(v -> typeContains(v, "image") || typeContains(v, "photo")).findFirst());
    }

    /**
     * What to ask the maker for: the suggestion's prompt and alt text (the post's title when it has
     * none), at the featured size (16:9) when the maker takes it, else its own default, with the
     * card text the offline maker draws.
     */
    static ImageRequest request(VisualSuggestion suggestion, BlogPost post, Outline outline, String keyphrase,
                                OrganizationProfile organization, ImageMaker maker) {
        String prompt = firstNonBlank(suggestion.prompt(), suggestion.description(), post.title());
        String alt = firstNonBlank(suggestion.altText(), suggestion.description(), post.title());
        var card = card(post, outline, keyphrase, organization);
        ImageSize size = maker.accepts(ImageSize.FEATURED) ? ImageSize.FEATURED : maker.defaultSize();
        return new ImageRequest(prompt, alt, size, ImageQuality.STANDARD, card);
    }

    /** What a card for the post says, in the organization's colours when its profile has them. */
    static CardText card(BlogPost post, Outline outline, String keyphrase, OrganizationProfile organization) {
        return new CardText(post.title(), keyphrase, outline.kind(), organization.name(), colours(organization));
    }

    static BrandColours colours(OrganizationProfile organization) {
        if (organization.brandColor() == null) return BrandColours.DEFAULT;
        try {
            return new BrandColours(organization.brandColor(), organization.accentColor());
        } catch (IllegalArgumentException unusable) {
            return BrandColours.DEFAULT; // the profile's form refuses such colours; an old or imported one may have one
        }
    }

    /**
     * {@code post} showing its featured image: in place of the writer's placeholder, else right
     * after the title heading, else at the top. Without a featured image, the post as it was.
     */
    static BlogPost placed(BlogPost post, List<StoredImage> images) {
        Optional<StoredImage> featured = images.stream().filter(i -> i.placement().equals(PLACEMENT)).findFirst();
        if (featured.isEmpty() || post.content() == null) return post;
        String image = ImageRefs.markdown(featured.get().altText(), featured.get().id());
        String content = post.content();
        Matcher placeholder = PLACEHOLDER.matcher(content);
        if (placeholder.find()) {
            content = content.substring(0, placeholder.start()) + image + content.substring(placeholder.end());
        } else {
            Matcher heading = FIRST_HEADING.matcher(content);
            content = heading.find() ? heading.group(1) + "\n" + image + "\n\n" + content.substring(heading.end())
                    : image + "\n\n" + content;
        }
        return post.withContent(content);
    }

    private static boolean typeContains(VisualSuggestion v, String word) {
        return v.type() != null && v.type().toLowerCase(Locale.ROOT).contains(word);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return "";
    }
}
