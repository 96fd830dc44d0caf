package be.mhealth.pyramid.support.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class StateConflictProblemMapper implements ExceptionMapper<StateConflictException> {
    @Override
    public Response toResponse(StateConflictException exception) {
        return Problem.of(409, exception.slug(), "Conflict", exception.getMessage())
                .withCurrentState(exception.currentState()).toResponse();
    }
}
