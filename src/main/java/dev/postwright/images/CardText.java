package dev.postwright.images;

/**
 * What the offline maker writes on a card. Image servers draw from the prompt instead.
 *
 * @param title        the post's title, the card's headline
 * @param keyphrase    the focus keyphrase, shown above the title; may be null
 * @param kind         the post's shape as {@code Outline.kind()} names it ("how-to", "list", "guide",
 *                     "comparison", "article"); may be null
 * @param organization who publishes the post, shown at the foot; may be null
 * @param colours      the organization's colours; null for {@link BrandColours#DEFAULT}
 */
public record CardText(String title, String keyphrase, String kind, String organization, BrandColours colours) {
    public CardText {
        if (title == null || title.isBlank()) throw new IllegalArgumentException("A card needs a title.");
        title = title.strip();
        keyphrase = blankToNull(keyphrase);
        kind = blankToNull(kind);
        organization = blankToNull(organization);
        if (colours == null) colours = BrandColours.DEFAULT;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
