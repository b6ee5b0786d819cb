package dev.postwright.seo.checks;

import dev.postwright.model.SeoAnalysis;
import dev.postwright.seo.text.PassiveVoice;
import dev.postwright.seo.text.PostText;
import java.util.Optional;

/** Active sentences are clearer: at most 10 % should be passive. */
public final class PassiveSentences implements SeoCheck {
    public static final String ID = "passive-voice";

    private static final About ABOUT = new About(ID, Verdict.READABILITY, "Passive voice");

    @Override
    public About about() {
        return ABOUT;
    }

    @Override
    public Optional<SeoAnalysis.Check> assess(PostText post) {
        if (post.sentences().isEmpty()) return Optional.empty();
        long passive = post.sentences().stream().filter(s -> PassiveVoice.isPassive(s.words())).count();
        double share = 100.0 * passive / post.sentences().size();
        String found = Verdict.oneDecimal(share) + " % of the sentences are passive";
        if (share <= 10) return Verdict.readability(ID, Verdict.GOOD, "You mostly write in the active voice.");
        if (share <= 15) return Verdict.readability(ID, Verdict.OK, found + "; make a few active to stay under 10 %.");
        return Verdict.readability(ID, Verdict.PROBLEM, found + "; rewrite some so that someone does something "
                + "(\"we tested it\", not \"it was tested\").");
    }
}
