package dev.postwright.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postwright.model.ImageJobRequest;
import dev.postwright.model.ImageQuality;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Blog SDK's image requests ({@code ImageGenerationRequest}, job-stream-protocol.md
 * §2.1), alone or in a batch, as the SDK's server validates them, and maps each onto an
 * {@link ImageJobRequest} of a size the server's maker draws: explicit {@code width} and
 * {@code height} win, else the {@code aspect_ratio} ("1:1" when absent) picks the first of its
 * sizes the maker takes, and a size it takes none of is refused here, naming the maker's rule.
 * Every problem of every entry is collected before anything is returned, so a batch is taken
 * whole or not at all.
 */
final class BlogSdkImageRequests {
    static final int MIN_PROMPT = 3;
    static final int MAX_PROMPT = 1_000;
    static final int MAX_BATCH = 20;
    static final Set<String> QUALITIES = Set.of("draft", "standard", "high", "ultra");
    static final String DRAFT_THEN_FINAL = "draft_then_final";
    static final String FINAL_ONLY = "final_only";
    private static final Set<String> WORKFLOWS = Set.of(DRAFT_THEN_FINAL, FINAL_ONLY);
    private static final int MAX_STYLE = 100;

    private record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /**
     * Each aspect ratio's sizes, tried in order: common image-model sizes first, then the offline
     * maker's cards (1080x1080 and 1600x900 are its square and featured sizes).
     */
    private static final Map<String, List<Size>> ASPECTS = aspects();

    private static Map<String, List<Size>> aspects() {
        Map<String, List<Size>> m = new LinkedHashMap<>();
        m.put("1:1", List.of(new Size(1024, 1024), new Size(1080, 1080)));
        m.put("4:3", List.of(new Size(1024, 768), new Size(1600, 1200)));
        m.put("16:9", List.of(new Size(1600, 900), new Size(1280, 720)));
        m.put("3:4", List.of(new Size(768, 1024), new Size(1200, 1600)));
        m.put("2:3", List.of(new Size(1024, 1536), new Size(832, 1248)));
        m.put("21:9", List.of(new Size(1680, 720), new Size(2016, 864)));
        return m;
    }

    private final BlogSdkImages.Maker maker;
    private final String user;
    private final List<BlogSdkCodec.Problem> problems = new ArrayList<>();

    private BlogSdkImageRequests(BlogSdkImages.Maker maker, String user) {
        this.maker = maker;
        this.user = user;
    }

    /** One request body of {@code images/generate} (or its stream). */
    static BlogSdkImages.Parsed one(byte[] bytes, String user, BlogSdkImages.Maker maker) {
        JsonNode body = object(bytes);
        if (body == null || !body.isObject()) return refusedBody(body == null);
        var reader = new BlogSdkImageRequests(maker, user);
        BlogSdkImages.Entry entry = reader.entry(body, List.of("body"), true);
        return reader.problems.isEmpty() ? new BlogSdkImages.Parsed(List.of(entry), FINAL_ONLY, null, List.of())
                : invalid(reader.problems);
    }

    /** A body of {@code images/batch-generate}: {@code {images: [1..20 requests], workflow}}. */
    static BlogSdkImages.Parsed batch(byte[] bytes, String user, BlogSdkImages.Maker maker) {
        JsonNode body = object(bytes);
        if (body == null || !body.isObject()) return refusedBody(body == null);
        var reader = new BlogSdkImageRequests(maker, user);
        var fields = new PydanticFields(body, List.of("body"), reader.problems);
        String workflow = fields.choice("workflow", WORKFLOWS);
        JsonNode images = body.get("images");
        if (images == null || images.isNull()) {
            fields.problem("missing", fields.loc("images"), "Field required");
        } else if (!images.isArray()) {
            fields.problem("list_type", fields.loc("images"), "Input should be a valid list");
        } else if (images.isEmpty() || images.size() > MAX_BATCH) {
            return new BlogSdkImages.Parsed(List.of(), null, images.isEmpty()
                    ? "A batch needs at least one image request in images (at most " + MAX_BATCH + ")."
                    : "A batch holds at most " + MAX_BATCH + " images; this one has " + images.size()
                    + ". Send the rest in another batch.", List.of());
        }
        boolean drafts = DRAFT_THEN_FINAL.equals(workflow);
        List<BlogSdkImages.Entry> entries = new ArrayList<>();
        // Every entry is checked even when the workflow was refused: Pydantic names every problem.
        for (int i = 0; images != null && images.isArray() && i < images.size(); i++) {
            JsonNode image = images.get(i);
            if (!image.isObject()) {
                reader.problems.add(new BlogSdkCodec.Problem("model_attributes_type", List.of("body", "images", i),
                        "Input should be a valid dictionary or object to extract fields from"));
                continue;
            }
            entries.add(reader.entry(image, List.of("body", "images", i), drafts));
        }
        return reader.problems.isEmpty()
                ? new BlogSdkImages.Parsed(List.copyOf(entries), workflow == null ? FINAL_ONLY : workflow, null, List.of())
                : invalid(reader.problems);
    }

    private static JsonNode object(byte[] bytes) {
        try {
            return Json.readOne(bytes);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static BlogSdkImages.Parsed refusedBody(boolean notJson) {
        return invalid(List.of(notJson ? new BlogSdkCodec.Problem("json_invalid", List.of("body"), "JSON decode error")
                : new BlogSdkCodec.Problem("model_attributes_type", List.of("body"),
                "Input should be a valid dictionary or object to extract fields from")));
    }

    private static BlogSdkImages.Parsed invalid(List<BlogSdkCodec.Problem> problems) {
        return new BlogSdkImages.Parsed(List.of(), null, null, List.copyOf(problems));
    }

    /**
     * One image request at {@code at}; null after adding its problems.
     *
     * @param draftWorkflow whether a draft-quality request is a draft ({@code is_draft}): a lone
     *                      request always is, a batch's only under {@code draft_then_final}
     */
    private BlogSdkImages.Entry entry(JsonNode node, List<Object> at, boolean draftWorkflow) {
        int before = problems.size();
        var f = new PydanticFields(node, at, problems);
        String prompt = f.string("prompt", true, MIN_PROMPT, MAX_PROMPT);
        String style = f.string("style", false, 1, MAX_STYLE);
        String aspect = f.choice("aspect_ratio", ASPECTS.keySet());
        String quality = f.choice("quality", QUALITIES);
        String negative = f.string("negative_prompt", false, 0, MAX_PROMPT);
        f.anyInteger("seed"); // checked, not used: see decision 0029
        Integer width = f.integer("width", ImageJobRequest.MIN_SIDE, ImageJobRequest.MAX_SIDE);
        Integer height = f.integer("height", ImageJobRequest.MIN_SIDE, ImageJobRequest.MAX_SIDE);
        if (problems.size() > before) return null;
        boolean widthGiven = node.hasNonNull("width");
        if (widthGiven != node.hasNonNull("height")) {
            f.problem("missing", f.loc(widthGiven ? "height" : "width"), "Give the width and the height together, "
                    + "or neither and an aspect_ratio.");
            return null;
        }
        Size size = width != null ? sized(f, new Size(width, height)) : aspectSize(f, aspect == null ? "1:1" : aspect);
        if (size == null) return null;
        ImageQuality q = quality == null ? ImageQuality.STANDARD
                : quality.equals("ultra") ? ImageQuality.HIGH : ImageQuality.ofWireName(quality);
        var request = new ImageJobRequest(promptFor(prompt.strip(), style, negative), prompt.strip(), size.width(),
                size.height(), q, null, null, user);
        problems.addAll(BlogSdkImages.requestProblems(at, request.problems()));
        return problems.size() > before ? null : new BlogSdkImages.Entry(request, q == ImageQuality.DRAFT && draftWorkflow);
    }

    /** The prompt the maker is given: style and what to leave out as sentences, for a maker that reads prompts. */
    private String promptFor(String prompt, String style, String negative) {
        if (!maker.readsPrompts()) return prompt; // an offline card shows the prompt as its headline
        var text = new StringBuilder(prompt);
        if (style != null && !style.isBlank()) {
            text.append(prompt.endsWith(".") ? " " : ". ").append("Style: ").append(style.strip().replace('_', ' '))
                    .append('.');
        }
        if (negative != null && !negative.isBlank()) {
            text.append(text.toString().endsWith(".") ? " " : ". ").append("Leave out: ").append(negative.strip());
        }
        return text.toString();
    }

    private Size sized(PydanticFields f, Size size) {
        if (maker.accepts(size.width(), size.height())) return size;
        f.problem("value_error", f.loc("width"), "An image of " + size + " cannot be made: " + maker.sizeRule() + ".");
        return null;
    }

    private Size aspectSize(PydanticFields f, String aspect) {
        for (Size s : ASPECTS.get(aspect)) if (maker.accepts(s.width(), s.height())) return s;
        List<String> drawable = ASPECTS.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(s -> maker.accepts(s.width(), s.height())))
                .map(Map.Entry::getKey).toList();
        f.problem("value_error", f.loc("aspect_ratio"), "An image with aspect ratio " + aspect + " cannot be made: "
                + maker.sizeRule() + "." + (drawable.isEmpty() ? " Give a width and height it draws."
                : " Choose aspect_ratio " + String.join(" or ", drawable) + ", or give a width and height it draws."));
        return null;
    }
}
