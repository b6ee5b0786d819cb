package dev.postwright.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.jobs.CancellationToken;
import dev.postwright.llm.Brief;
import dev.postwright.model.BusinessInfo;
import dev.postwright.model.Embeds;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobRequest;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.model.Outline;
import dev.postwright.model.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a writer expects of every offline scaffold, checked over {@value #BRIEFS} generated briefs
 * (every kind of post, keyphrases inside, outside and at the end of the title, proper nouns,
 * keywords, instructions, visuals on and off) rather than on one example.
 */
class OfflineDraftPropertiesTest {
    private static final int BRIEFS = 300;
    private static final String[] TITLES = {
            "How to bake sourdough bread at home", "How to paint kitchen cabinets without brush marks",
            "Why remote work is here to stay", "7 ways to keep your starter alive", "10 best houseplants for low light",
            "The beginner's guide to rye baking", "A complete guide to two-factor authentication",
            "Espresso vs filter coffee", "Kubernetes versus serverless for startups", "Belegausgabepflicht erklärt",
            "What the Finanzamt expects from small shops", "How to start running after 40",
            "Choosing a CRM for a five-person team", "12 tips for better product photos",
            "Solar panels: are they worth it?", "Why every bakery needs a website", "How to train a puppy to sit",
            "The truth about intermittent fasting", "iPhone vs Android for small businesses",
            "5 mistakes new landlords make", "How to write a cover letter that gets read",
            "A guide to composting in small spaces", "Why slow fermentation tastes better",
            "Stand mixer vs hand kneading", "How SEO works for local shops"};
    private static final String[][] KEYPHRASES = {
            {"sourdough bread"}, {"paint kitchen cabinets"}, {"remote work"}, {"sourdough starter"}, {"houseplants"},
            {"rye baking"}, {"two-factor authentication"}, {"espresso"}, {"serverless"}, {"Belegausgabepflicht"},
            {"Finanzamt"}, {"running after 40"}, {"CRM"}, {"product photos"}, {"solar panels"}, {"bakery website"},
            {"puppy training"}, {"intermittent fasting"}, {"iPhone"}, {"new landlords"}, {"cover letter"},
            {"composting"}, {"slow fermentation"}, {"hand kneading"}, {"local SEO"}};
    private static final String[] AUDIENCES = {"home bakers", "team leads", "small business owners", "beginners",
            "shop owners in Germany", "Busy Parents", "first-time landlords"};
    private static final String[] KEYWORDS = {"starter", "flour", "budget", "time zones", "tools", "pricing",
            "customer trust", "checklist", "Google Maps"};
    private static final String[] INSTRUCTIONS = {
            null, "Mention our free trial.", "Add a section on pricing.", "Keep the tone friendly. Mention our shop in Leeds.",
            "- Include a part about delivery times\n- Quote our head baker", "Cover common objections in its own section.",
            "Write for people who have never done this before.",
            "Add a section on pricing. Add a section on delivery. Include a part about returns. Mention the shop."};
    private static final Pattern WRITER_NOTE = Pattern.compile("_Writer's note: [^_]*_");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    /** How sentences addressed to the writer begin; they belong in notes only. */
    private static final Pattern DIRECTIVE = Pattern.compile(
            "^(?:Next, |Then |After that, )?(?:cover|add|note|explain|link|describe|say|start with|think first about"
                    + "|look closely at|turn to|mention|include|quote)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLAIM = Pattern.compile(
            "(?i)within a few (?:days|weeks|months)|notice a difference|studies show|research shows|\\d+\\s?%|guaranteed");

    private record Case(JobRequest request, Brief brief, Outline outline, String markdown) {}

    private static List<Case> cases() {
        var random = new SplittableRandom(20261202);
        var writer = new OfflineWriter();
        var cancel = new CancellationToken();
        List<Case> cases = new ArrayList<>();
        for (int n = 0; n < BRIEFS; n++) {
            int t = random.nextInt(TITLES.length);
            String keyphrase = random.nextInt(5) == 0 ? null : KEYPHRASES[t][0];
            List<String> keywords = new ArrayList<>();
            for (int k = random.nextInt(8) == 0 ? KEYWORDS.length : random.nextInt(4); k > 0; k--) {
                keywords.add(KEYWORDS[random.nextInt(KEYWORDS.length)]);
            }
            String instruction = INSTRUCTIONS[random.nextInt(INSTRUCTIONS.length)];
            var options = new JobOptions(random.nextBoolean(), true, null, false, null, false);
            var request = new JobRequest(new Topic(TITLES[t], null, AUDIENCES[random.nextInt(AUDIENCES.length)],
                    keyphrase, keywords.stream().distinct().toList()), new BusinessInfo("Shop", "customers", "retail", null),
                    "org-1", instruction, options, List.of(), Embeds.NONE);
            Brief brief = Brief.of(request, OrganizationProfile.empty("org-1"));
            Outline outline = writer.outline(brief, cancel);
            cases.add(new Case(request, brief, outline, writer.draft(brief, outline, piece -> { }, cancel).markdown()));
        }
        return cases;
    }

    private static final List<Case> CASES = cases();

    @Test
    void noSentenceFrameAppearsMoreThanTwiceInAPost() {
        for (Case c : CASES) {
            Map<String, Integer> frames = new HashMap<>();
            for (String sentence : sentences(c)) frames.merge(masked(sentence, c), 1, Integer::sum);
            frames.forEach((frame, count) -> assertThat(count).as("\"%s\" in \"%s\"", frame, c.brief().title())
                    .isLessThanOrEqualTo(2));
        }
    }

    @Test
    void theAudienceIsNamedAtMostThreeTimes() {
        for (Case c : CASES) {
            String audience = Words.inSentence(c.brief().audience()).toLowerCase(Locale.ROOT);
            assertThat(count(c.markdown().toLowerCase(Locale.ROOT), audience)).as(c.brief().title()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void everyKeywordIsCoveredInASectionNotOnlyNamed() {
        for (Case c : CASES) {
            String body = c.markdown().substring(c.markdown().indexOf("\n## "));
            for (String keyword : c.brief().keywords()) {
                assertThat(body).as("%s in \"%s\"", keyword, c.brief().title()).contains(Words.inSentence(keyword));
            }
        }
    }

    @Test
    void everyInstructionShapesThePostAsASectionOrAWritersNote() {
        for (Case c : CASES) {
            var instructions = Instructions.of(c.request().additionalInstructions());
            List<String> headings = c.outline().sections().stream().map(s -> s.heading().toLowerCase(Locale.ROOT)).toList();
            for (String section : instructions.sections()) assertThat(headings).contains(section.toLowerCase(Locale.ROOT));
            for (String note : instructions.notes()) {
                assertThat(c.markdown()).contains("_Writer's note: the brief asks: " + note.replaceAll("[_*]", "") + "_");
            }
        }
        assertThat(Instructions.of("Add a section on pricing. Mention our free trial.")).isEqualTo(
                new Instructions(List.of("pricing"), List.of("Mention our free trial.")));
    }

    @Test
    void theTitleKeepsEveryWordOfTheBriefsTitle() {
        for (Case c : CASES) {
            String built = c.outline().title().toLowerCase(Locale.ROOT);
            for (String word : c.brief().title().toLowerCase(Locale.ROOT).split("\\s+")) {
                // Only the preposition before a keyphrase moved to the front may go ("guide to rye baking").
                if (word.matches("to|for|about|on|of|with|in")) continue;
                assertThat(built).as("\"%s\" keeps \"%s\"", c.outline().title(), word).contains(word.replaceAll("[:?!]$", ""));
            }
        }
    }

    @Test
    void nothingAddressedToTheWriterReadsAsTheBodyAndNothingIsInvented() {
        for (Case c : CASES) {
            for (String sentence : sentences(c)) {
                assertThat(masked(sentence, c)).as(c.brief().title()).doesNotContainPattern(DIRECTIVE);
                assertThat(sentence).as(c.brief().title()).doesNotContainPattern(CLAIM);
            }
            assertThat(c.markdown()).doesNotContain("from from").doesNotContain("  ").doesNotContain(" .");
        }
    }

    @Test
    void properNounsKeepTheirCapitalsAndTheImageLineFollowsTheVisualsOption() {
        for (Case c : CASES) {
            String kp = c.brief().focusKeyphrase();
            if (kp.equals("Belegausgabepflicht") || kp.equals("Finanzamt") || kp.equals("iPhone") || kp.equals("CRM")) {
                assertThat(c.markdown()).contains(kp).doesNotContain(kp.toLowerCase(Locale.ROOT) + " ")
                        .doesNotContain(" " + kp.toLowerCase(Locale.ROOT));
            }
            if (c.request().options().includeVisuals()) assertThat(c.markdown()).contains("![IMAGE:featured:");
            else assertThat(c.markdown()).doesNotContain("![IMAGE:");
        }
    }

    /** The body's prose sentences: no headings, notes, tables, lists, links or placeholders. */
    private static List<String> sentences(Case c) {
        List<String> out = new ArrayList<>();
        for (String block : c.markdown().split("\n\n")) {
            String b = block.strip();
            if (b.isEmpty() || b.startsWith("#") || b.startsWith("|") || b.startsWith("- ") || b.startsWith("**")
                    || b.startsWith("![") || b.startsWith("[")) continue;
            b = WRITER_NOTE.matcher(b).replaceAll("").strip();
            for (String s : SENTENCE_END.split(b)) if (!s.isBlank()) out.add(s.strip());
        }
        return out;
    }

    /** The sentence with the brief's own words (keyphrase, audience, keywords, points, headings) masked. */
    private static String masked(String sentence, Case c) {
        List<String> own = new ArrayList<>(List.of(Words.inSentence(c.brief().focusKeyphrase()),
                Words.inSentence(c.brief().audience()), c.brief().title()));
        c.brief().keywords().forEach(k -> own.add(Words.inSentence(k)));
        for (var s : c.outline().sections()) {
            own.add(s.heading());
            own.addAll(s.points());
        }
        own.sort((a, b) -> b.length() - a.length());
        String m = sentence;
        for (String phrase : own) {
            if (!phrase.isBlank()) m = m.replaceAll("(?i)" + Pattern.quote(phrase), "∎");
        }
        return m;
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) n++;
        return n;
    }
}
