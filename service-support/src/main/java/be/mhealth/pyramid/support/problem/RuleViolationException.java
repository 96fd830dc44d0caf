package be.mhealth.pyramid.support.problem;

import java.util.List;

/** Well-formed input that breaks a business rule (dates out of order, a missing notified body): 422. */
public class RuleViolationException extends RuntimeException {
    private final List<Problem.FieldError> errors;

    public RuleViolationException(List<Problem.FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.errors = List.copyOf(errors);
    }

    public RuleViolationException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
