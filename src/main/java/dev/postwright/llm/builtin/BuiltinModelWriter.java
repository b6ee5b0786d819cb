package dev.postwright.llm.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import de.kherud.llama.LlamaModel;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobFailure;
import dev.postwright.llm.Brief;
import dev.postwright.llm.PostMetadata;
import dev.postwright.llm.SpanRewriter;
import dev.postwright.llm.TextGenerator;
import dev.postwright.llm.prompt.JsonReplies;
import dev.postwright.llm.prompt.Prompts;
import dev.postwright.llm.prompt.Replies;
import dev.postwright.llm.prompt.ReplySchemas;
import dev.postwright.llm.prompt.RewriteReplies;
import dev.postwright.model.Draft;
import dev.postwright.model.Outline;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.wire.WireFormatException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes posts with a built-in model: the same prompts as the model-server writer, run through
 * llama.cpp in this process. The draft streams token by token; the outline, metadata and visuals
 * are held to {@link ReplySchemas} by a grammar, so even a small model returns JSON that parses.
 * Waits for the model to load on the job's thread. Thread-safe: one instance serves every job,
 * and {@link LoadedModel} runs their generations one at a time.
 */
public final class BuiltinModelWriter implements TextGenerator, SpanRewriter {
    /** Replies in JSON are short; this bounds a model that will not close its strings. */
    private static final int JSON_TOKENS = 4_096;
    private static final int DRAFT_TOKENS = 8_192;
    private static final int REWRITE_TOKENS = 1_024;

    private final ModelLoading loading;
    private final long seed;

    /** Lets llama.cpp choose a new seed for each reply. */
    public static final long ANY_SEED = -1;

    /** @param seed for sampling, or {@link #ANY_SEED}; the same seed, model and brief give the same post */
    public BuiltinModelWriter(ModelLoading loading, long seed) {
        this.loading = loading;
        this.seed = seed;
    }

    public ModelLoading loading() {
        return loading;
    }

    /** The model's name from its file ({@code general.name}), or the file's name while it loads. */
    @Override
    public String model() {
        return switch (loading.state()) {
            case ModelLoading.State.Ready ready -> ready.run().info().name();
            default -> loading.choice().file().getFileName().toString();
        };
    }

    @Override
    public boolean isScaffold() {
        return false;
    }

    @Override
    public Outline outline(Brief brief, CancellationToken cancel) throws JobFailure {
        return structured(brief, Prompts.outline(brief), ReplySchemas.OUTLINE, "outline", cancel,
                node -> Replies.outline(node, brief));
    }

    @Override
    public Draft draft(Brief brief, Outline outline, Consumer<String> deltas, CancellationToken cancel) throws JobFailure {
        LoadedModel model = model(cancel);
        // The title-and-description and visuals prompts carry the whole draft: a draft of at most
        // half the context leaves them room for their instructions and their answer.
        int limit = Math.min(DRAFT_TOKENS, model.run().contextSize() / 2);
        var reply = model.generate(new LoadedModel.Ask(Prompts.system(brief), Prompts.draft(brief, outline), null,
                limit, seed), deltas, cancel);
        if (reply.text().isBlank()) {
            throw JobFailure.transientFailure("The built-in model returned an empty draft.", "EMPTY_REPLY", null, null);
        }
        return new Draft(reply.text(), reply.tokens());
    }

    @Override
    public PostMetadata metadata(Brief brief, Outline outline, String markdown, CancellationToken cancel)
            throws JobFailure {
        return structured(brief, Prompts.metadata(brief, markdown), ReplySchemas.METADATA, "title and description", cancel,
                node -> Replies.metadata(node, outline, markdown));
    }

    @Override
    public List<VisualSuggestion> visuals(Brief brief, String markdown, CancellationToken cancel) throws JobFailure {
        return structured(brief, Prompts.visuals(brief, markdown), ReplySchemas.VISUALS, "visual suggestions", cancel,
                Replies::visuals);
    }

    @Override
    public String rewrite(Rewrite request, CancellationToken cancel) throws JobFailure {
        var reply = model(cancel).generate(new LoadedModel.Ask(Prompts.EDITOR_SYSTEM, Prompts.rewrite(request), null,
                REWRITE_TOKENS, seed), piece -> { }, cancel);
        String text = RewriteReplies.text(reply.text());
        if (text.isBlank()) {
            throw JobFailure.transientFailure("The built-in model returned no text for " + request.part() + ".",
                    "EMPTY_REPLY", null, null);
        }
        return text;
    }

    /**
     * Asks under the grammar. The grammar makes every complete reply valid; one that is not
     * stopped at the token limit, which asking again would repeat, so it fails at once and says
     * what to change.
     */
    private <T> T structured(Brief brief, String prompt, String schema, String what, CancellationToken cancel,
                             Function<JsonNode, T> read) throws JobFailure {
        LoadedModel model = model(cancel); // loads the native library the grammar is made with
        var reply = model.generate(new LoadedModel.Ask(Prompts.system(brief), prompt, Grammars.of(schema), JSON_TOKENS,
                seed), piece -> { }, cancel);
        try {
            return read.apply(JsonReplies.object(reply.text()));
        } catch (WireFormatException e) {
            String why = reply.cutOff() ? "it was cut off after " + reply.tokens() + " tokens; a larger context in "
                    + "Settings, or another model, may help" : e.getMessage();
            throw JobFailure.permanent("The built-in model's " + what + " could not be read: " + why + ".",
                    "BAD_MODEL_REPLY");
        }
    }

    /** llama.cpp's grammars for the schemas, made once, after its library is loaded. */
    private static final class Grammars {
        private static final java.util.Map<String, String> MADE = new java.util.concurrent.ConcurrentHashMap<>();

        static String of(String schema) {
            return MADE.computeIfAbsent(schema, LlamaModel::jsonSchemaToGrammar);
        }
    }

    private LoadedModel model(CancellationToken cancel) throws JobFailure {
        return loading.await(cancel);
    }
}
