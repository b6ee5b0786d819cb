package dev.postwright.llm.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.jobs.JobFailure;
import dev.postwright.llm.Brief;
import dev.postwright.model.Draft;
import dev.postwright.model.Outline;
import dev.postwright.llm.PostMetadata;
import dev.postwright.llm.SpanRewriter;
import dev.postwright.llm.TextGenerator;
import dev.postwright.model.VisualSuggestion;
import dev.postwright.llm.prompt.JsonReplies;
import dev.postwright.llm.prompt.Prompts;
import dev.postwright.llm.prompt.Replies;
import dev.postwright.llm.prompt.RewriteReplies;
import dev.postwright.wire.WireFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * Writes posts with any OpenAI-compatible chat server (Ollama, LM Studio, llama.cpp's server,
 * vLLM, OpenAI). The draft streams; the outline, metadata and visuals are asked for as JSON and
 * read from fenced or chatty replies, with one request to repair an unreadable reply before the
 * job fails. It also rewrites single spans of a post for the SEO panel's fixes. Thread-safe: one
 * instance serves every job.
 */
public final class OpenAiCompatibleWriter implements TextGenerator, SpanRewriter {
    private final ModelServer server;
    private final ChatStream chat;

    public OpenAiCompatibleWriter(ModelServer server, OkHttpClient client) {
        this.server = server;
        this.chat = new ChatStream(server, client.newBuilder().connectTimeout(server.connectTimeout())
                .readTimeout(server.readTimeout()).build());
    }

    @Override
    public String model() {
        return server.model();
    }

    @Override
    public boolean isScaffold() {
        return false;
    }

    @Override
    public Outline outline(Brief brief, CancellationToken cancel) throws JobFailure {
        return structured(brief, Prompts.outline(brief), "outline", cancel, node -> Replies.outline(node, brief));
    }

    @Override
    public Draft draft(Brief brief, Outline outline, Consumer<String> deltas, CancellationToken cancel) throws JobFailure {
        var reply = chat.run(messages(brief, Prompts.draft(brief, outline)), deltas, cancel);
        if (reply.text().isBlank()) {
            throw JobFailure.transientFailure("The model returned an empty draft.", "EMPTY_REPLY", null, null);
        }
        return new Draft(reply.text(), reply.tokensUsed());
    }

    @Override
    public PostMetadata metadata(Brief brief, Outline outline, String markdown, CancellationToken cancel)
            throws JobFailure {
        return structured(brief, Prompts.metadata(brief, markdown), "title and description", cancel,
                node -> Replies.metadata(node, outline, markdown));
    }

    @Override
    public List<VisualSuggestion> visuals(Brief brief, String markdown, CancellationToken cancel) throws JobFailure {
        return structured(brief, Prompts.visuals(brief, markdown), "visual suggestions", cancel, Replies::visuals);
    }

    @Override
    public String rewrite(Rewrite request, CancellationToken cancel) throws JobFailure {
        var messages = List.of(new ChatStream.Message("system", Prompts.EDITOR_SYSTEM),
                new ChatStream.Message("user", Prompts.rewrite(request)));
        String text = RewriteReplies.text(chat.run(messages, piece -> { }, cancel).text());
        if (text.isBlank()) {
            throw JobFailure.transientFailure("The model returned no text for " + request.part() + ".", "EMPTY_REPLY",
                    null, null);
        }
        return text;
    }

    /** Asks for JSON; if the reply cannot be read, asks once more to repair it, then fails clearly. */
    private <T> T structured(Brief brief, String prompt, String what, CancellationToken cancel,
                             Function<JsonNode, T> read) throws JobFailure {
        List<ChatStream.Message> messages = new ArrayList<>(messages(brief, prompt));
        String reply = chat.run(messages, text -> { }, cancel).text();
        try {
            return read.apply(JsonReplies.object(reply));
        } catch (WireFormatException first) {
            messages.add(new ChatStream.Message("assistant", reply));
            messages.add(new ChatStream.Message("user", Prompts.repair()));
            String repaired = chat.run(messages, text -> { }, cancel).text();
            try {
                return read.apply(JsonReplies.object(repaired));
            } catch (WireFormatException second) {
                throw JobFailure.permanent("The model's " + what + " could not be read, even after asking it again ("
                        + second.getMessage() + "). Try another model, or the offline engine.", "BAD_MODEL_REPLY");
            }
        }
    }

    private static List<ChatStream.Message> messages(Brief brief, String prompt) {
        return List.of(new ChatStream.Message("system", Prompts.system(brief)), new ChatStream.Message("user", prompt));
    }
}
