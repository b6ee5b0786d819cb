package dev.postwright.llm.offline;

import static dev.postwright.llm.offline.Words.capitalized;
import static dev.postwright.llm.offline.Words.inSentence;

import dev.postwright.llm.Brief;
import dev.postwright.model.Outline.Section;
import dev.postwright.model.Outline;
import dev.postwright.model.PostKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans 4-7 body sections shaped by the kind of post. About half the headings carry the
 * keyphrase, which is what the subheading check rewards (30-75 %).
 */
final class OfflineOutline {
    private OfflineOutline() {}

    static Outline of(Brief brief) {
        PostKind kind = PostKind.of(brief.title());
        String kp = inSentence(brief.focusKeyphrase());
        String audience = inSentence(brief.audience());
        List<Section> sections = switch (kind) {
            case HOW_TO -> List.of(
                    section("What you need before you start with " + kp, "tools and materials", "time to set aside"),
                    section("Step 1: Set up for " + kp, "preparation", "what good looks like"),
                    section("Step 2: Do the core work", "the main technique", "how to tell it is going well"),
                    section("Step 3: Check and refine your " + kp, "signs of success", "small corrections"),
                    section("Step 4: Make it a habit", "a routine that sticks", "tracking progress"));
            case LIST -> listSections(kp, KindTexts.listLength(brief.title()));
            case GUIDE -> List.of(
                    section("What is " + kp + "?", "a plain definition", "where it comes from"),
                    section("Why " + kp + " matters for " + audience, "the benefits", "the cost of ignoring it"),
                    section("How it works", "the moving parts", "a simple example"),
                    section("Getting started with " + kp, "the first three moves", "a realistic first week"),
                    section("Common mistakes to avoid", "the usual traps", "how to recover"),
                    section("Tools and resources", "what helps", "where to learn more"));
            case COMPARISON -> comparisonSections(KindTexts.sides(brief.title()));
            case ARTICLE -> List.of(
                    section("Why " + kp + " matters now", "what changed", "who it affects"),
                    section("What most " + audience + " get wrong", "the common assumption", "why it fails"),
                    section("A better approach to " + kp, "the principle", "an example"),
                    section("Putting it into practice", "first steps", "what to measure"),
                    section("What to watch next", "trends", "open questions"));
        };
        return new Outline(title(brief), kind.wireName(), sections);
    }

    /**
     * A title that starts with the keyphrase, as the title check rewards: the brief's title when
     * it already does, else "Keyphrase: rest of the title" with the phrase taken out of the rest.
     * A result too long for search results falls back to the brief's title.
     */
    static String title(Brief brief) {
        String title = brief.title();
        String kp = brief.focusKeyphrase();
        if (title.toLowerCase(java.util.Locale.ROOT).startsWith(kp.toLowerCase(java.util.Locale.ROOT))) return title;
        String rest = title.replaceAll("(?i)\\s*" + java.util.regex.Pattern.quote(kp) + "\\s*", " ").strip()
                .replaceAll("\\s{2,}", " ");
        String built = Words.titleCase(kp) + ": " + capitalized(rest);
        return built.length() <= 60 ? built : title;
    }

    private static List<Section> listSections(String kp, int count) {
        String[] items = {"Start with the basics of " + kp, "Plan before you begin", "Learn from the experts on " + kp,
                "Keep it simple", "Measure what matters in " + kp, "Ask for feedback", "Build on what works"};
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < count; i++) sections.add(section((i + 1) + ". " + items[i], "why it helps", "how to do it"));
        return sections;
    }

    private static List<Section> comparisonSections(String[] sides) {
        String a = sides[0];
        String b = sides[1];
        return List.of(
                section("What is " + a + "?", "strengths", "limits"),
                section("What is " + b + "?", "strengths", "limits"),
                section(capitalized(a) + " vs " + b + " at a glance", "a side-by-side table"),
                section("When to choose " + a, "the best fit"),
                section("When to choose " + b, "the best fit"));
    }

    private static Section section(String heading, String... points) {
        return new Section(capitalized(heading), List.of(points));
    }
}
