package dev.postwright.model;

/**
 * A call to action the post should carry.
 *
 * @param href      where it links; bidirectional controls are removed ({@link WebUrls#withoutBidiControls}),
 *                  so the address a writer reads is the one a reader follows
 * @param type      "primary", "secondary", "general" (the default)…
 * @param placement where it goes: "inline" (the default), "end-of-post", "after-intro"…
 */
public record Cta(String text, String href, String type, String placement) {
    public static final String DEFAULT_TYPE = "general";
    public static final String DEFAULT_PLACEMENT = "inline";

    public Cta {
        href = WebUrls.withoutBidiControls(href);
        type = type == null || type.isBlank() ? DEFAULT_TYPE : type;
        placement = placement == null || placement.isBlank() ? DEFAULT_PLACEMENT : placement;
    }
}
