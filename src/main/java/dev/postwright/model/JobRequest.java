package dev.postwright.model;

import java.util.List;

/**
 * A writer's brief: everything a generation job needs. Instances may be invalid (a form in
 * progress, a request off the wire); {@link #problems()} says what is wrong in a writer's words.
 *
 * @param organizationId         the organization whose profile and library the job draws on
 * @param additionalInstructions free text for the writer, may be null
 * @param ctas                   calls to action; empty means "use the organization's"
 * @param embeds                 tweets, articles and videos that placeholders refer to
 */
public record JobRequest(Topic topic, BusinessInfo businessInfo, String organizationId,
                         String additionalInstructions, JobOptions options, List<Cta> ctas,
                         Embeds embeds) implements JobInput {
    public JobRequest {
        options = options == null ? JobOptions.DEFAULTS : options;
        ctas = Lists.copyOf(ctas);
        embeds = embeds == null ? Embeds.NONE : embeds;
    }

    /** This brief with other options. */
    public JobRequest withOptions(JobOptions other) {
        return new JobRequest(topic, businessInfo, organizationId, additionalInstructions, other, ctas, embeds);
    }

    @Override
    public JobKind kind() {
        return JobKind.BLOG;
    }

    /** The topic's title, or null while there is none. */
    @Override
    public String title() {
        return topic == null ? null : topic.title();
    }

    /** Every problem with this brief, in form order; empty when it can be submitted. */
    @Override
    public List<FieldProblem> problems() {
        return BriefRules.check(this);
    }

    public boolean isValid() {
        return problems().isEmpty();
    }
}
