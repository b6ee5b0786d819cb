package dev.postwright.model;

import java.util.Optional;

/**
 * The stages of an image job after {@code queued}, in order, as the Blog SDK names them (protocol
 * §2.3): its {@code progress-update}s carry {@link #wireName()} as their stage, so both dialects'
 * streams show them unchanged. {@code completed} is the job's end ({@link Stage#COMPLETED}).
 */
public enum ImageStage {
    PROCESSING("processing", 20, "Getting the picture ready", "Processing"),
    GENERATING("generating", 35, "Making the picture", "Generating"),
    /** The Blog SDK's "uploading": here the picture is written to the library folder and recorded. */
    STORING("uploading", 80, "Saving the picture in the library", "Storing");

    private final String wireName;
    private final int progress;
    private final String step;
    private final String label;

    ImageStage(String wireName, int progress, String step, String label) {
        this.wireName = wireName;
        this.progress = progress;
        this.step = step;
        this.label = label;
    }

    /** The stage name {@code progress-update} carries, and the checkpoint name of the stage's output. */
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

    /** The short name a progress line shows. */
    public String label() {
        return label;
    }

    /** The stage a {@code progress-update} names; empty for any other name. */
    public static Optional<ImageStage> ofWireName(String wireName) {
        for (ImageStage s : values()) if (s.wireName.equals(wireName)) return Optional.of(s);
        return Optional.empty();
    }
}
