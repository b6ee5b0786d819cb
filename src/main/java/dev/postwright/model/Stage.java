package dev.postwright.model;

import java.util.Optional;

/**
 * The stages of a blog job, in order: the one home of the concept. The pipeline runs them (its
 * specifications are keyed by them), {@code progress-update} names them on the wire with
 * {@link #wireName()} (protocol sections 1.6 and 2.2, shared with other backends), and the
 * desk's stepper shows them by {@link #label()}, for remote jobs too. Image jobs will have stages
 * of their own.
 */
public enum Stage {
    CONTEXT("context", "initialization", 10, "Loading your organization's context", "Context"),
    OUTLINE("outline", "research_outline", 20, "Planning the outline", "Outline"),
    DRAFT("draft", "draft_generation", 30, "Writing the draft", "Draft"),
    METADATA("metadata", "seo_polish", 70, "Writing the title and description", "Details"),
    VISUALS("visuals", "enhancement", 80, "Suggesting visuals", "Visuals"),
    /** Postwright's own stage (not one of the Blog SDK's): the featured image, when the brief asks for images. */
    IMAGES("images", "image_generation", 85, "Making the featured image", "Images"),
    SEO("seo", "quality_scoring", 90, "Checking SEO and readability", "SEO"),
    SAVE("save", "finalization", 95, "Saving to your library", "Save");

    /** The wire name of the last {@code progress-update}, which says the job is done. */
    public static final String COMPLETED = "completed";

    private final String id;
    private final String wireName;
    private final int progress;
    private final String step;
    private final String label;

    Stage(String id, String wireName, int progress, String step, String label) {
        this.id = id;
        this.wireName = wireName;
        this.progress = progress;
        this.step = step;
        this.label = label;
    }

    /** The checkpoint and timing name (stored in users' databases). */
    public String id() {
        return id;
    }

    /** The fine-grained stage name {@code progress-update} carries. */
    public String wireName() {
        return wireName;
    }

    /** The job's progress, in percent, when the stage starts. */
    public int progress() {
        return progress;
    }

    /** The sentence {@code progress-update} shows while the stage runs. */
    public String step() {
        return step;
    }

    /** The stepper's short name for the stage. */
    public String label() {
        return label;
    }

    /** The stage a {@code progress-update} names; empty for other names ({@link #COMPLETED}, retry notices, other backends' stages). */
    public static Optional<Stage> ofWireName(String wireName) {
        for (Stage s : values()) if (s.wireName.equals(wireName)) return Optional.of(s);
        return Optional.empty();
    }
}
