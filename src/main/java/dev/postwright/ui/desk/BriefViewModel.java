package dev.postwright.ui.desk;

import dev.postwright.model.BusinessInfo;
import dev.postwright.model.Embeds;
import dev.postwright.model.FieldProblem;
import dev.postwright.model.JobOptions;
import dev.postwright.model.JobRequest;
import dev.postwright.model.Topic;
import dev.postwright.ui.parts.CtaRow;
import dev.postwright.wire.EmbedLists;
import dev.postwright.wire.JobRequestCodec;
import dev.postwright.wire.WireFormatException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The brief being written: one property per form field, the problems with it (the model
 * layer's messages, plus unreadable embed JSON), and why Generate is disabled. No stage needed.
 */
public final class BriefViewModel {
    public static final String ORGANIZATION = "local";

    public final StringProperty title = new SimpleStringProperty("");
    public final StringProperty subheader = new SimpleStringProperty("");
    public final StringProperty keyphrase = new SimpleStringProperty("");
    public final StringProperty keywords = new SimpleStringProperty("");
    public final StringProperty audience = new SimpleStringProperty("");
    public final StringProperty businessType = new SimpleStringProperty("");
    public final StringProperty industry = new SimpleStringProperty("");
    public final StringProperty instructions = new SimpleStringProperty("");
    public final BooleanProperty includeVisuals = new SimpleBooleanProperty(true);
    public final BooleanProperty autoSave = new SimpleBooleanProperty(true);
    /** Whether the featured visual becomes a real image (made offline unless Settings name an image server). */
    public final BooleanProperty generateImages = new SimpleBooleanProperty(true);
    public final StringProperty status = new SimpleStringProperty(JobOptions.DEFAULT_STATUS);
    /** About how many words the post should have; {@link #ANY_LENGTH} leaves it to the writer. */
    public final IntegerProperty wordCountTarget = new SimpleIntegerProperty(ANY_LENGTH);
    /** The JSON arrays the backend's search streams produce; blank for none. */
    public final StringProperty tweetsJson = new SimpleStringProperty("");
    public final StringProperty articlesJson = new SimpleStringProperty("");
    public final StringProperty videosJson = new SimpleStringProperty("");
    /** The brief's own calls to action; none means the organization's are used. */
    public final ObservableList<CtaRow> ctas = CtaRow.list();

    /** The form's value for "any length" (a brief without a word count target). */
    public static final int ANY_LENGTH = 0;
    /** The lengths the form offers, in words, after {@link #ANY_LENGTH}. */
    public static final List<Integer> LENGTHS = List.of(ANY_LENGTH, 600, 1_200, 2_000, 3_000);

    private final ObjectBinding<List<FieldProblem>> problems = Bindings.createObjectBinding(this::computeProblems,
            title, subheader, keyphrase, keywords, audience, businessType, industry, instructions, status, wordCountTarget, tweetsJson,
            articlesJson, videosJson, ctas);
    private final StringBinding disabledReason = Bindings.createStringBinding(
            () -> problems.get().isEmpty() ? "" : problems.get().getFirst().message(), problems);

    /** Every problem, in form order; empty when the brief can be generated. */
    public ObjectBinding<List<FieldProblem>> problems() {
        return problems;
    }

    /** Why Generate is disabled, or "" when it is not. */
    public StringBinding disabledReason() {
        return disabledReason;
    }

    /** The brief as a job request; valid when {@link #problems()} is empty. */
    public JobRequest toRequest() {
        List<String> keywordList = Arrays.stream(keywords.get().split(",")).map(String::strip).filter(k -> !k.isEmpty())
                .toList();
        var topic = new Topic(title.get().strip(), blankToNull(subheader.get()), blankToNull(audience.get()),
                blankToNull(keyphrase.get()), keywordList);
        var business = new BusinessInfo(blankToNull(businessType.get()), blankToNull(audience.get()),
                blankToNull(industry.get()), null);
        var options = new JobOptions(includeVisuals.get(), autoSave.get(), status.get(), false,
                wordCountTarget.get() == ANY_LENGTH ? null : wordCountTarget.get(), generateImages.get());
        var embeds = new Embeds(EmbedLists.tweets(tweetsJson.get()), EmbedLists.articles(articlesJson.get()),
                EmbedLists.videos(videosJson.get()));
        return new JobRequest(topic, business, ORGANIZATION, blankToNull(instructions.get()), options,
                ctas.stream().map(CtaRow::toCta).toList(), embeds);
    }

    /** The brief as the create-job JSON, to save and share; includes whatever is invalid, as typed. */
    public String toJson() {
        return JobRequestCodec.encode(toRequest());
    }

    /**
     * Fills the form from a saved brief's JSON. Unreadable JSON leaves the form as it was.
     *
     * @throws WireFormatException saying what is wrong with the file, for the writer
     */
    public void loadJson(String json) {
        load(JobRequestCodec.decode(json));
    }

    /** Fills the form from a request (a sample, or an imported brief). */
    public void load(JobRequest request) {
        var t = request.topic();
        title.set(t == null ? "" : orEmpty(t.title()));
        subheader.set(t == null ? "" : orEmpty(t.subheader()));
        keyphrase.set(t == null ? "" : orEmpty(t.focusKeyphrase()));
        keywords.set(t == null ? "" : String.join(", ", t.keywords()));
        audience.set(t == null ? "" : orEmpty(t.targetAudience()));
        var b = request.businessInfo();
        businessType.set(b == null ? "" : orEmpty(b.businessType()));
        industry.set(b == null ? "" : orEmpty(b.industry()));
        instructions.set(orEmpty(request.additionalInstructions()));
        includeVisuals.set(request.options().includeVisuals());
        autoSave.set(request.options().autoSave());
        generateImages.set(request.options().generateImages());
        status.set(request.options().status());
        Integer words = request.options().wordCountTarget();
        wordCountTarget.set(words == null ? ANY_LENGTH : words);
        tweetsJson.set(EmbedLists.ofTweets(request.embeds().tweets()));
        articlesJson.set(EmbedLists.ofArticles(request.embeds().articles()));
        videosJson.set(EmbedLists.ofVideos(request.embeds().videos()));
        ctas.setAll(request.ctas().stream().map(CtaRow::of).toList());
    }

    private List<FieldProblem> computeProblems() {
        List<FieldProblem> out = new ArrayList<>();
        checkJson(out, "options.preloadedTweets", "Tweets", tweetsJson.get());
        checkJson(out, "options.preloadedArticles", "Articles", articlesJson.get());
        checkJson(out, "options.preloadedVideos", "Videos", videosJson.get());
        if (!out.isEmpty()) return List.copyOf(out);
        return toRequest().problems();
    }

    private static void checkJson(List<FieldProblem> out, String field, String what, String json) {
        EmbedLists.problem(json, what).ifPresent(problem -> out.add(new FieldProblem(field, problem)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
