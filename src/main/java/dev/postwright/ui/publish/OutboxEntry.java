package dev.postwright.ui.publish;

import dev.postwright.model.JobState;
import dev.postwright.model.JobStatus;
import dev.postwright.model.PublishRequest;
import dev.postwright.publish.PublishFailures;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One publish job as the outbox shows it: which post to which site, and where it stands.
 *
 * @param request   what the job was asked to do; null when its stored request cannot be read
 * @param postTitle the post's title now, or a sentence when it is gone from the library
 * @param link      the post on the site, once published (from {@code store.Publications})
 */
public record OutboxEntry(String jobId, Kind kind, PublishRequest request, String postTitle, String site,
                          String detail, String errorCode, String link, Instant when) {
    /** The outbox's three groups (a cancelled job is with the failed: it can be retried). */
    public enum Kind { PENDING, FAILED, PUBLISHED }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    /** The queue's words for a wait before the next attempt (JobRunner): the wait, then the attempt and the reason. */
    private static final Pattern RETRYING = Pattern.compile("Retrying in [^(]+(\\(attempt \\d+ of \\d+\\): .*)",
            Pattern.DOTALL);

    /** True when "Replace the site's version" applies: the post was changed on the site. */
    public boolean changedOnSite() {
        return kind == Kind.FAILED && PublishFailures.CHANGED_ON_SITE.equals(errorCode) && request != null;
    }

    /** True when the job is waiting for its next attempt after the site did not answer. */
    public boolean retrying() {
        return kind == Kind.PENDING && detail.startsWith("Retrying at ");
    }

    /** The group a job is in. */
    static Kind kindOf(JobState state) {
        return switch (state) {
            case QUEUED, RUNNING -> Kind.PENDING;
            case FAILED, CANCELLED -> Kind.FAILED;
            case SUCCEEDED -> Kind.PUBLISHED;
        };
    }

    /**
     * What the row says under its title: the step of a pending job (a wait for a retry as the
     * time it ends), the reason of a failed one, when a published one went out.
     */
    static String detailOf(JobStatus job, ZoneId zone) {
        String step = job.currentStep() == null ? "" : job.currentStep().strip();
        return switch (job.state()) {
            case QUEUED -> {
                Matcher retry = RETRYING.matcher(step);
                if (retry.matches() && job.updatedAt() != null && job.estimatedTimeRemaining() != null) {
                    // A job waiting for a retry keeps the wait as its time remaining, counted from its update.
                    Instant at = job.updatedAt().plusSeconds(job.estimatedTimeRemaining());
                    yield "Retrying at " + TIME.format(at.atZone(zone)) + " " + retry.group(1);
                }
                yield step.isEmpty() || step.equalsIgnoreCase("queued") ? "Waiting to be sent." : step;
            }
            case RUNNING -> step.isEmpty() ? "Sending…" : step;
            case CANCELLED -> "Cancelled before it was sent.";
            case FAILED -> job.error() == null || job.error().isBlank() ? "It could not be sent." : job.error();
            case SUCCEEDED -> "Published " + DateTimeFormatter.ofPattern("d MMM 'at' HH:mm", Locale.ENGLISH)
                    .format((job.finishedAt() == null ? job.updatedAt() : job.finishedAt()).atZone(zone)) + ".";
        };
    }
}
