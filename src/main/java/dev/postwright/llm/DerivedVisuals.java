package dev.postwright.llm;

import dev.postwright.model.VisualSuggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Visual suggestions read off a post without a model: a featured image, one image per major
 * section, and a chart for a section whose text has numbers worth plotting. Stateless.
 */
public final class DerivedVisuals {
    private static final int MAX_SECTION_IMAGES = 4;
    private static final Pattern NUMBERS = Pattern.compile("\\b\\d+(?:[.,]\\d+)?\\s*(?:%|percent|hours?|days?|minutes?|"
            + "years?|times|x)\\b|\\$\\d+", Pattern.CASE_INSENSITIVE);

    private DerivedVisuals() {}

    /** @param title used when the Markdown has no H1 of its own */
    public static List<VisualSuggestion> of(String title, String focusKeyphrase, String markdown) {
        List<VisualSuggestion> out = new ArrayList<>();
        title = markdown.lines().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2).strip()).orElse(title);
        String kp = focusKeyphrase.toLowerCase(Locale.ROOT);
        out.add(new VisualSuggestion("featured-image", title, "A featured image that sets the scene for the post.",
                "top", "Editorial photograph illustrating " + kp + ", natural light, uncluttered background",
                capitalize(kp) + " — " + title, "high"));
        int images = 0;
        for (Section s : sections(markdown)) {
            if (isBoilerplate(s.heading())) continue;
            if (NUMBERS.matcher(s.text()).find()) {
                out.add(new VisualSuggestion("chart", "Chart: " + s.heading(), "Plot the figures this section mentions.",
                        "after: " + s.heading(), "Clean bar chart of the numbers in \"" + s.heading() + "\", labelled axes",
                        "Chart of " + s.heading().toLowerCase(Locale.ROOT), "medium"));
            } else if (images < MAX_SECTION_IMAGES) {
                images++;
                out.add(new VisualSuggestion("image", s.heading(), "An image that shows what \"" + s.heading()
                        + "\" is about.", "after: " + s.heading(), "Photograph showing " + s.heading().toLowerCase(Locale.ROOT)
                        + " in the context of " + kp, s.heading(), "medium"));
            }
        }
        return out;
    }

    private record Section(String heading, String text) {}

    private static List<Section> sections(String markdown) {
        List<Section> sections = new ArrayList<>();
        String heading = null;
        var text = new StringBuilder();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("## ")) {
                if (heading != null) sections.add(new Section(heading, text.toString()));
                heading = line.substring(3).strip();
                text.setLength(0);
            } else if (heading != null) {
                text.append(line).append('\n');
            }
        }
        if (heading != null) sections.add(new Section(heading, text.toString()));
        return sections;
    }

    private static boolean isBoilerplate(String heading) {
        String h = heading.toLowerCase(Locale.ROOT);
        return h.startsWith("conclusion") || h.contains("frequently asked") || h.equals("faq");
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
