package be.mhealth.pyramid.support.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class RuleViolationProblemMapper implements ExceptionMapper<RuleViolationException> {
    @Override
    public Response toResponse(RuleViolationException exception) {
        return Problem.of(422, exception.slug(),
                        RuleViolationException.QUOTA_EXCEEDED.equals(exception.slug()) ? "Quota exceeded"
                                : "Request breaks a rule", exception.getMessage())
                .withErrors(exception.errors()).toResponse();
    }
}
