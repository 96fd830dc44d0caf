package be.mhealth.pyramid.support.problem;

import java.util.List;

/**
 * Well-formed input that breaks a business rule (dates out of order, a missing notified body): 422, type
 * {@code rule-violation}, or a more specific type such as {@code quota-exceeded}.
 */
public class RuleViolationException extends RuntimeException {
    public static final String RULE_VIOLATION = "rule-violation";
    public static final String QUOTA_EXCEEDED = "quota-exceeded";

    private final String slug;
    private final List<Problem.FieldError> errors;

    public RuleViolationException(String slug, List<Problem.FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.slug = slug;
        this.errors = List.copyOf(errors);
    }

    public RuleViolationException(List<Problem.FieldError> errors) {
        this(RULE_VIOLATION, errors);
    }

    public RuleViolationException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    /** A per-organization (or per-record) quota would be exceeded by this request. */
    public static RuleViolationException quota(String field, String message) {
        return new RuleViolationException(QUOTA_EXCEEDED, List.of(new Problem.FieldError(field, message)));
    }

    public String slug() {
        return slug;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
