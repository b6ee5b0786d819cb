package dev.postwright.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.postwright.jobs.CancellationToken;
import dev.postwright.llm.Brief;
import dev.postwright.model.Outline;
import dev.postwright.llm.PostMetadata;
import dev.postwright.llm.offline.OfflineWriter;
import dev.postwright.model.OrganizationProfile;
import dev.postwright.ui.desk.BriefViewModel;
import dev.postwright.ui.desk.SampleBrief;
import dev.postwright.wire.Json;
import dev.postwright.wire.ResultCodec;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An OpenAI-compatible server for taking screenshots of the app mid-generation: it answers
 * every request for the sample brief in the real streaming wire format, and streams the draft
 * (the offline engine's text) over about {@code seconds} so there is time to look; a request to
 * rewrite a span (the SEO panel's fixes) gets a rewrite made from the span. Started by
 * {@code assets/screenshots/take.sh}; {@link #instant()} serves window tests that need a model.
 *
 * <pre>java -cp … dev.postwright.testing.ScreenshotModelServer PORT SECONDS</pre>
 */
public final class ScreenshotModelServer extends Dispatcher {
    private static final int CHUNK = 24;
    private static final long PERIOD_MS = 50;

    private final String outline;
    private final String draft;
    private final String metadata;
    private final String visuals;
    private final int seconds;

    private ScreenshotModelServer(int seconds) {
        this.seconds = seconds;
        var writer = new OfflineWriter();
        var brief = Brief.of(SampleBrief.request(), OrganizationProfile.empty(BriefViewModel.ORGANIZATION));
        Outline plan = writer.outline(brief, new CancellationToken());
        draft = writer.draft(brief, plan, text -> { }, new CancellationToken()).markdown();
        var outlineJson = Json.object().put("title", plan.title()).put("kind", plan.kind());
        plan.sections().forEach(s -> outlineJson.withArray("sections").addObject().put("heading", s.heading())
                .set("points", strings(s.points())));
        outline = Json.write(outlineJson);
        PostMetadata meta = writer.metadata(brief, plan, draft, new CancellationToken());
        var metaJson = Json.object().put("title", meta.title()).put("subtitle", meta.subtitle())
                .put("metaDescription", meta.metaDescription()).put("estimatedReadTime", meta.estimatedReadTime());
        metaJson.set("tags", strings(meta.tags()));
        metaJson.set("seoKeywords", strings(meta.seoKeywords()));
        metadata = Json.write(metaJson);
        var visualsJson = Json.object();
        ResultCodec.writeVisuals(visualsJson, writer.visuals(brief, draft, new CancellationToken()));
        visuals = Json.write(visualsJson);
    }

    /** A server that sends each reply at once. */
    public static ScreenshotModelServer instant() {
        return new ScreenshotModelServer(0);
    }

    public static void main(String[] args) throws Exception {
        var server = new MockWebServer();
        server.setDispatcher(new ScreenshotModelServer(Integer.parseInt(args[1])));
        server.start(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        System.out.println("Model server ready at " + server.url("/v1"));
        Thread.currentThread().join();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().endsWith("/models")) {
            return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                    .body("{\"object\":\"list\",\"data\":[{\"id\":\"" + FakeModelServer.MODEL + "\",\"object\":\"model\"}]}")
                    .build();
        }
        String prompt = request.getBody() == null ? "" : request.getBody().utf8();
        if (prompt.contains("Plan a blog post")) return stream(outline, 0);
        if (prompt.contains("Write the blog post")) return stream(draft, seconds);
        if (prompt.contains("Suggest visuals")) return stream(visuals, 0);
        if (prompt.contains("You are editing one part of a blog post")) return stream(rewrite(prompt), 0);
        return stream(metadata, 0);
    }

    /**
     * A rewrite as a model might send it, made from the text the prompt holds: each sentence but
     * the last of the span led by a transition word in turn, the way the transition words fix asks.
     */
    private static String rewrite(String requestJson) {
        String prompt = Json.parse(requestJson, "request").path("messages").get(1).path("content").asText();
        String text = prompt.substring(prompt.lastIndexOf("<<<\n") + 4, prompt.lastIndexOf("\n>>>"));
        String[] sentences = text.split("(?<=[.!?]) ");
        List<String> links = List.of("For example, ", "Because of that, ", "However, ", "As a result, ");
        var out = new StringBuilder(sentences[0]);
        for (int i = 1; i < sentences.length; i++) {
            String s = sentences[i];
            out.append(' ').append(links.get(i % links.size())).append(Character.toLowerCase(s.charAt(0)))
                    .append(s.substring(1));
        }
        return "Here is the rewritten paragraph:\n\n" + out;
    }

    private static ArrayNode strings(List<String> values) {
        var array = Json.object().arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** {@code text} in chat-completion chunks, spread over {@code seconds} when above zero. */
    private static MockResponse stream(String text, int seconds) {
        var out = new StringBuilder();
        for (int i = 0; i < text.length(); i += CHUNK) {
            var chunk = Json.object();
            chunk.putArray("choices").addObject().putObject("delta").put("content",
                    text.substring(i, Math.min(text.length(), i + CHUNK)));
            out.append("data: ").append(Json.write(chunk)).append("\n\n");
        }
        String body = out.append("data: [DONE]\n\n").toString();
        var response = new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body);
        if (seconds > 0) {
            long perPeriod = Math.max(1, body.length() * PERIOD_MS / (seconds * 1000L));
            response.throttleBody(perPeriod, PERIOD_MS, TimeUnit.MILLISECONDS);
        }
        return response.build();
    }
}
