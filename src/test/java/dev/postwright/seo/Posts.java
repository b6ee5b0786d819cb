package dev.postwright.seo;

import dev.postwright.seo.text.PostText;
import dev.postwright.seo.text.PostTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Builds posts with exactly known counts for the check tests. */
public final class Posts {
    /** Ten-word sentences with different first words and no keyphrase, transitions or passives. */
    private static final String[] FILLER = {
            "Warm kitchens help every baker shape dough with calm hands.",
            "Good flour gives each loaf a deep and nutty flavour.",
            "Morning light makes the crust look golden and quite inviting.",
            "Most people enjoy a slice with butter and sea salt.",
            "Careful timing turns simple ingredients into a memorable weekend treat.",
            "Small bakeries share their best tips with curious home cooks.",
            "Fresh water and patience beat expensive kitchen tools every time.",
            "Every oven behaves a little differently on a busy day."};

    private Posts() {}

    /** {@code n} filler sentences, 10 words each. */
    public static String sentences(int n) {
        return IntStream.range(0, n).mapToObj(i -> FILLER[i % FILLER.length]).collect(Collectors.joining(" "));
    }

    /** {@code n} words of filler (whole sentences plus a partial one). */
    public static String words(int n) {
        var out = new StringBuilder(sentences(n / 10));
        int rest = n % 10;
        if (rest > 0) {
            if (!out.isEmpty()) out.append(' ');
            List<String> tail = new ArrayList<>(List.of("Quiet", "bakers", "knead", "soft", "dough", "beside", "open",
                    "windows", "every", "morning"));
            out.append(String.join(" ", tail.subList(0, rest))).append('.');
        }
        return out.toString();
    }

    public static PostText post(String markdown) {
        return post(markdown, "", "", "", 0);
    }

    public static PostText post(String markdown, String keyphrase) {
        return post(markdown, keyphrase, "", "", 0);
    }

    public static PostText post(String markdown, String keyphrase, String title, String meta, int earlierUses) {
        return PostTexts.of(markdown, new PostTexts.Meta(title, meta, "", keyphrase, "bakery.example", earlierUses));
    }

    public static PostText withSlug(String keyphrase, String slug) {
        return PostTexts.of(words(50), new PostTexts.Meta("", "", slug, keyphrase, "bakery.example", 0));
    }
}
