package dev.postwright.ui.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postwright.model.FieldProblem;
import dev.postwright.model.JobOptions;
import dev.postwright.testing.Briefs;
import org.junit.jupiter.api.Test;

class BriefViewModelTest {
    @Test
    void anEmptyFormSaysWhatIsMissingAndWhyGenerateIsDisabled() {
        var brief = new BriefViewModel();
        assertThat(brief.problems().get()).extracting(FieldProblem::field).containsExactly("topic.title");
        assertThat(brief.disabledReason().get()).isEqualTo("Give the post a topic title.");
        brief.title.set("Rye bread basics");
        assertThat(brief.problems().get()).isEmpty();
        assertThat(brief.disabledReason().get()).isEmpty();
    }

    @Test
    void pastedEmbedsAreReadOrExplained() {
        var brief = new BriefViewModel();
        brief.title.set("T");
        brief.tweetsJson.set("[{\"url\": \"https://x.com/a/1\", \"author_name\": \"Ann\", \"author_handle\": \"@ann\", "
                + "\"text\": \"Feed it\"}]");
        assertThat(brief.problems().get()).isEmpty();
        assertThat(brief.toRequest().embeds().tweets()).singleElement()
                .satisfies(t -> assertThat(t.handle()).isEqualTo("@ann"));
        brief.articlesJson.set("[{\"url\": ");
        assertThat(brief.disabledReason().get()).startsWith("Articles to embed is not valid JSON (line 1");
        brief.articlesJson.set("{\"url\": \"https://a.example\"}");
        assertThat(brief.disabledReason().get()).isEqualTo("Articles to embed must be a JSON list: [ {…}, {…} ].");
        brief.articlesJson.set("[{\"title\": \"No link\"}]");
        assertThat(brief.disabledReason().get()).isEqualTo("Article 1 has no link. Add its URL or remove it.");
    }

    @Test
    void aLoadedBriefComesBackAsTheSameRequest() {
        var brief = new BriefViewModel();
        var request = Briefs.sourdough(new JobOptions(false, true, "published", false, 1_500));
        brief.load(request);
        assertThat(brief.wordCountTarget.get()).isEqualTo(1_500);
        var back = brief.toRequest();
        assertThat(back.topic()).isEqualTo(request.topic());
        assertThat(back.options()).isEqualTo(request.options());
        assertThat(back.businessInfo().industry()).isEqualTo("food");
        assertThat(brief.keywords.get()).isEqualTo("starter");
    }

    @Test
    void aLengthOutsideWhatTheSdkTakesIsAProblemAndAnyLengthIsNone() {
        var brief = new BriefViewModel();
        brief.load(Briefs.sourdough(JobOptions.DEFAULTS));
        assertThat(brief.toRequest().options().wordCountTarget()).isNull();
        brief.wordCountTarget.set(50);
        assertThat(brief.problems().get()).extracting(p -> p.field()).containsExactly("options.wordCountTarget");
        brief.wordCountTarget.set(2_000);
        assertThat(brief.problems().get()).isEmpty();
        assertThat(brief.toRequest().options().lengthName()).isEqualTo("long");
    }
}
