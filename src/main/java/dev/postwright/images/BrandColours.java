package dev.postwright.images;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An organization's colours as {@code #rrggbb}: the primary fills the card, the accent marks it.
 *
 * @param primary the main brand colour
 * @param accent  a second colour, or null to derive one from the primary
 */
public record BrandColours(String primary, String accent) {
    // Before DEFAULT, which the constructor checks with it.
    private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

    /** A calm ink blue and amber, for organizations that set no colours. */
    public static final BrandColours DEFAULT = new BrandColours("#1d3557", "#f4a261");

    /** @throws IllegalArgumentException naming the colour that is not {@code #rrggbb} (or {@code #rgb}) */
    public BrandColours {
        primary = normalized(primary, "primary");
        accent = accent == null || accent.isBlank() ? null : normalized(accent, "accent");
    }

    /** The primary colour as {@code 0xrrggbb}. */
    public int primaryRgb() {
        return Integer.parseInt(primary.substring(1), 16);
    }

    /** The accent as {@code 0xrrggbb}, or -1 when none was set. */
    public int accentRgb() {
        return accent == null ? -1 : Integer.parseInt(accent.substring(1), 16);
    }

    private static String normalized(String colour, String which) {
        String c = colour == null ? "" : colour.strip().toLowerCase(Locale.ROOT);
        if (c.matches("#[0-9a-f]{3}")) {
            c = "#" + c.charAt(1) + c.charAt(1) + c.charAt(2) + c.charAt(2) + c.charAt(3) + c.charAt(3);
        }
        if (!HEX.matcher(c).matches()) {
            throw new IllegalArgumentException("The " + which + " brand colour must be written #rrggbb, e.g. #1d3557, "
                    + "not \"" + colour + "\".");
        }
        return c;
    }
}
