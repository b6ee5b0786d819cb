package dev.postwright.model;

/**
 * One thing wrong with one field of a brief.
 *
 * @param field   the field's path in the brief, e.g. {@code topic.title} or {@code ctas[2].text}
 * @param message a sentence a writer can act on
 */
public record FieldProblem(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
