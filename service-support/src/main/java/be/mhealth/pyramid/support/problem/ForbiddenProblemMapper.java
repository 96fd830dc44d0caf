package be.mhealth.pyramid.support.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.security.ForbiddenException;

@Provider
public class ForbiddenProblemMapper implements ExceptionMapper<ForbiddenException> {
    @Override
    public Response toResponse(ForbiddenException exception) {
        return Problem.of(403, "forbidden", "Forbidden",
                exception.getMessage() == null || exception.getMessage().isBlank()
                        ? "your role does not allow this action" : exception.getMessage()).toResponse();
    }
}
