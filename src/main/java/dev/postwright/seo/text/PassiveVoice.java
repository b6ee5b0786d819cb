package dev.postwright.seo.text;

import java.util.List;
import java.util.Set;

/**
 * Recognises English passive sentences: a form of "be" or "get" followed, within two adverbs,
 * by a past participle ("was written", "is often used", "got fired"). Heuristic, tuned to err
 * towards not flagging: adjectives that look like participles ("need", "red") are excluded.
 */
public final class PassiveVoice {
    private static final Set<String> AUXILIARIES = Set.of("am", "is", "are", "was", "were", "be", "been", "being",
            "get", "gets", "got", "gotten", "getting", "isn't", "aren't", "wasn't", "weren't");

    private static final Set<String> ADVERBS_BETWEEN = Set.of("not", "never", "also", "always", "often", "already",
            "still", "just", "usually", "rarely", "sometimes", "then", "now", "being", "been", "all", "only");

    private static final Set<String> NOT_PARTICIPLES = Set.of("need", "seed", "feed", "bed", "red", "shed", "speed",
            "bleed", "breed", "weed", "deed", "greed", "indeed", "hundred", "sacred", "naked", "wicked", "wretched",
            "beloved", "crooked", "ragged", "rugged", "jagged", "used", "supposed");

    private static final Set<String> IRREGULAR = Set.of("arisen", "awoken", "beaten", "become", "begun", "bent",
            "bet", "bitten", "bled", "blown", "bound", "bred", "broken", "brought", "built", "burnt", "bought",
            "caught", "chosen", "come", "cost", "crept", "cut", "dealt", "dug", "done", "drawn", "dreamt", "driven",
            "drunk", "eaten", "fallen", "fed", "felt", "fought", "found", "fled", "flown", "forbidden", "forgiven",
            "forgotten", "frozen", "given", "gone", "ground", "grown", "hung", "heard", "hidden", "hit", "held",
            "hurt", "kept", "knelt", "known", "laid", "led", "learnt", "left", "lent", "let", "lain", "lit", "lost",
            "made", "meant", "met", "mistaken", "overcome", "overtaken", "overthrown", "paid", "proven", "put",
            "quit", "read", "rid", "ridden", "rung", "risen", "run", "said", "seen", "sought", "sold", "sent", "set",
            "sewn", "shaken", "shorn", "shot", "shown", "shrunk", "shut", "sung", "sunk", "slain", "slept", "slid",
            "slung", "slit", "sown", "spoken", "sped", "spent", "spilt", "spun", "spat", "split", "spoilt", "spread",
            "sprung", "stood", "stolen", "stuck", "stung", "stunk", "struck", "strung", "striven", "sworn", "swept",
            "swollen", "swum", "swung", "taken", "taught", "torn", "told", "thought", "thrown", "thrust", "trodden",
            "understood", "undertaken", "undone", "upset", "woken", "worn", "woven", "wept", "won", "wound",
            "withdrawn", "withheld", "written", "rewritten", "misunderstood", "overlooked", "outdone", "foreseen");

    private PassiveVoice() {}

    /** True when the sentence's words contain a passive construction. */
    public static boolean isPassive(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (!AUXILIARIES.contains(Words.normalize(words.get(i)))) continue;
            for (int j = i + 1; j < words.size() && j <= i + 3; j++) {
                String w = Words.normalize(words.get(j));
                if (isParticiple(w)) return true;
                if (!ADVERBS_BETWEEN.contains(w) && !w.endsWith("ly")) break;
            }
        }
        return false;
    }

    private static boolean isParticiple(String w) {
        if (NOT_PARTICIPLES.contains(w)) return false;
        if (IRREGULAR.contains(w)) return true;
        return w.length() > 4 && w.endsWith("ed");
    }
}
