package dev.postwright.pipeline;

/**
 * The pipeline's stages, in order. {@code wireStage} is the fine-grained stage name of protocol
 * section 2.2 that {@code progress-update} carries; {@code progress} is the percentage when the
 * stage starts.
 */
public enum Stage {
    CONTEXT("context", "initialization", 10, "Loading your organization's context"),
    OUTLINE("outline", "research_outline", 20, "Planning the outline"),
    DRAFT("draft", "draft_generation", 30, "Writing the draft"),
    METADATA("metadata", "seo_polish", 70, "Writing the title and description"),
    VISUALS("visuals", "enhancement", 80, "Suggesting visuals"),
    SEO("seo", "quality_scoring", 90, "Checking SEO and readability"),
    SAVE("save", "finalization", 95, "Saving to your library");

    public static final String COMPLETED = "completed";

    final String id;
    final String wireStage;
    final int progress;
    final String step;

    Stage(String id, String wireStage, int progress, String step) {
        this.id = id;
        this.wireStage = wireStage;
        this.progress = progress;
        this.step = step;
    }

    /** The checkpoint and timing name. */
    public String id() {
        return id;
    }
}
