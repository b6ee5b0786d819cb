package dev.postwright.model;

/**
 * How a job runs. {@code includeVisuals} and {@code autoSave} are on unless explicitly turned
 * off; {@code status} is the status a saved post gets, "draft" by default.
 */
public record JobOptions(boolean includeVisuals, boolean autoSave, String status, boolean skipSeoAnalysis) {
    public static final String DEFAULT_STATUS = "draft";
    public static final JobOptions DEFAULTS = new JobOptions(true, true, DEFAULT_STATUS, false);

    public JobOptions {
        status = status == null || status.isBlank() ? DEFAULT_STATUS : status;
    }
}
