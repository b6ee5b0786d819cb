package dev.postwright.jobs;

import dev.postwright.model.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;

/** A brief was refused at enqueue; {@link #problems()} says what to fix, field by field. */
public final class InvalidRequestException extends RuntimeException {
    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::message).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
