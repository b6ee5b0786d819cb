package dev.postwright.llm.offline;

import static dev.postwright.llm.offline.Words.capitalized;
import static dev.postwright.llm.offline.Words.inSentence;

import dev.postwright.llm.Brief;
import dev.postwright.model.Outline.Section;
import dev.postwright.model.Outline;
import dev.postwright.model.PostKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans 4-7 body sections shaped by the kind of post, and after them up to three more that the
 * brief's instructions ask for. About half the planned headings carry the keyphrase, which is what
 * the subheading check rewards (30-75 %).
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
        return new Outline(title(brief), kind.wireName(), withRequested(sections, brief));
    }

    /** The sections the brief's instructions ask for (at most three), after the planned ones. */
    private static List<Section> withRequested(List<Section> planned, Brief brief) {
        List<String> requested = Instructions.of(brief.request().additionalInstructions()).sections();
        if (requested.isEmpty()) return planned;
        List<Section> all = new ArrayList<>(planned);
        for (String topic : requested) all.add(section(capitalized(topic), topic, "what it means in practice"));
        return List.copyOf(all);
    }

    /**
     * A title that starts with the keyphrase where that keeps it grammatical, as the title check
     * rewards; the brief's title keeps all its words. It is kept when it starts with the keyphrase;
     * a how-to done to the keyphrase ("How to bake sourdough bread at home") leads with it
     * ("Sourdough Bread: How to bake at home"); a comparison names its keyphrase side first; one
     * that ends in a phrase on the keyphrase ("The beginner's guide to rye baking") turns
     * round ("Rye Baking: The beginner's guide"); one that does not hold the keyphrase gets it in
     * front ("Sourdough Starter: 7 ways to keep your starter alive"); one with the keyphrase
     * inside ("Why remote work is here to stay") stays as written. A result too long for search
     * results falls back to the brief's title.
     */
    static String title(Brief brief) {
        String title = brief.title();
        String kp = brief.focusKeyphrase();
        String lower = title.toLowerCase(Locale.ROOT);
        String lowerKp = kp.toLowerCase(Locale.ROOT);
        if (lower.startsWith(lowerKp)) return title;
        String built;
        Matcher object = Pattern.compile("(?i)^how to (\\p{L}+) " + Pattern.quote(kp) + "\\b\\s*(.*)$").matcher(title);
        Matcher versus = Pattern.compile("(?i)^(.+?)\\s+(vs\\.?|versus)\\s+" + Pattern.quote(kp) + "\\s*$").matcher(title);
        Matcher tail = Pattern.compile("(?i)\\s+(?:to|for|about|on|of|with|in)\\s+" + Pattern.quote(kp) + "\\W*$")
                .matcher(title);
        String rest = object.matches() ? object.group(2) : "";
        if (object.matches()) { // the keyphrase is what the how-to does something to: "How to bake sourdough bread at home"
            built = Words.titleCase(kp) + ": How to " + object.group(1)
                    + (rest.isEmpty() || !Character.isLetterOrDigit(rest.charAt(0)) ? rest : " " + rest);
        } else if (versus.matches()) { // "Stand mixer vs hand kneading" reads as well the other way round
            built = capitalized(kp) + " " + versus.group(2) + " " + sentenceCased(versus.group(1).strip());
        } else if (tail.find() && tail.start() > 0 && !title.strip().endsWith("?")) { // a question keeps its shape
            built = Words.titleCase(kp) + ": " + capitalized(title.substring(0, tail.start()).strip());
        } else if (!lower.contains(lowerKp)) {
            built = Words.titleCase(kp) + ": " + capitalized(title);
        } else {
            return title;
        }
        return built.length() <= 60 ? built : title;
    }

    /**
     * "Stand mixer" mid-title as "stand mixer": a capital only the title's first word had goes.
     * One word keeps its capital: it may be a name ("Kubernetes").
     */
    private static String sentenceCased(String phrase) {
        boolean onlyFirstCapital = phrase.contains(" ") && Character.isUpperCase(phrase.charAt(0))
                && phrase.substring(1).equals(phrase.substring(1).toLowerCase(Locale.ROOT));
        return onlyFirstCapital ? Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1) : phrase;
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
