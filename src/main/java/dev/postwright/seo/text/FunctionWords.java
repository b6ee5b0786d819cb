package dev.postwright.seo.text;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * English words that carry grammar, or too little meaning to be what a page is about; a keyphrase
 * is matched on the others. Besides articles, pronouns, prepositions and auxiliaries, this counts
 * number words, everyday adjectives ("best", "new", "small"), light verbs ("keep", "make") and
 * vague nouns ("ways", "things", "factor") as the reference analysis does: "7 ways to keep a
 * starter" is about a starter. Numerals written as digits are content ("running after 40").
 */
final class FunctionWords {
    private static final String DETERMINERS = """
            a an the this that these those another other others such each every either neither both all any some
            no none several few fewer fewest little less least more most much many enough lot lots whole""";
    private static final String PRONOUNS = """
            i me my mine myself you your yours yourself yourselves he him his himself she her hers herself it its
            itself we us our ours ourselves they them their theirs themselves one ones oneself someone somebody
            something anyone anybody anything everyone everybody everything nobody nothing who whom whose which
            what whoever whatever whichever""";
    private static final String PREPOSITIONS = """
            about above across after against along amid among around as at before behind below beneath beside
            besides between beyond by despite down during except for from in inside into like near of off on
            onto out outside over past per since than through throughout till to toward towards under underneath
            unlike until up upon via with within without versus vs""";
    private static final String CONJUNCTIONS = """
            and but or nor so yet because although though while whereas if unless whether once""";
    private static final String ADVERBS = """
            how why when where here there now then again also too very really quite rather just only even still
            already almost always never often sometimes usually ever soon later else however instead indeed
            perhaps maybe actually especially simply not""";
    private static final String VERBS = """
            am is are was were be been being do does did done doing have has had having can could shall should
            will would may might must ought get gets got getting make makes made making go goes went going take
            takes took taking give gives gave giving keep keeps kept keeping let lets put puts seem seems""";
    private static final String NUMBERS = """
            zero two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred
            thousand million first second third fourth fifth last next""";
    private static final String ADJECTIVES = """
            good better best great bad worse worst big bigger biggest small smaller smallest new newer newest old
            older oldest high low easy hard simple top real right wrong true own same different various
            important""";
    private static final String VAGUE_NOUNS = """
            thing things way ways factor factors aspect aspects kind kinds type types sort sorts stuff""";

    static final Set<String> ALL = Stream.of(DETERMINERS, PRONOUNS, PREPOSITIONS, CONJUNCTIONS, ADVERBS, VERBS, NUMBERS,
            ADJECTIVES, VAGUE_NOUNS).flatMap(list -> Stream.of(list.strip().split("\\s+"))).collect(Collectors.toUnmodifiableSet());

    private FunctionWords() {}

    /** A function word; a hyphenated word is one when every part is ("two-factor", unlike "well-known"). */
    static boolean isFunctionWord(String word) {
        String w = Words.normalize(word);
        if (ALL.contains(w)) return true;
        if (!w.contains("-")) return false;
        for (String part : w.split("-")) if (!ALL.contains(part)) return false;
        return true;
    }
}
