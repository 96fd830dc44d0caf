package be.mhealth.pyramid.support.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class PreconditionProblemMapper implements ExceptionMapper<PreconditionException> {
    @Override
    public Response toResponse(PreconditionException exception) {
        return exception.isMissing()
                ? Problem.of(428, "precondition-required", "If-Match required", exception.getMessage()).toResponse()
                : Problem.of(412, "stale-etag", "Precondition failed", exception.getMessage()).toResponse();
    }
}
