package dev.postwright.model;

import java.util.List;

/**
 * What a job is asked to do, of either kind. Instances may be invalid (a form in progress, a
 * request off the wire); {@link #problems()} says what is wrong in a writer's words, and the queue
 * stores none that has problems.
 */
public sealed interface JobInput permits JobRequest, ImageJobRequest, PublishRequest {
    JobKind kind();

    /** Every problem, in form order; empty when the job can be started. */
    List<FieldProblem> problems();

    /** What lists call the job: the post's topic title, or the picture's prompt. */
    String title();
}
