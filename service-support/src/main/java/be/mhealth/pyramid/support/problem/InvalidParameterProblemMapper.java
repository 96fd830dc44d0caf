package be.mhealth.pyramid.support.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The same 400 as a bean-validation failure: type {@code validation}, {@code errors[].field} = the parameter. */
@Provider
public class InvalidParameterProblemMapper implements ExceptionMapper<InvalidParameterException> {
    @Override
    public Response toResponse(InvalidParameterException exception) {
        Problem.FieldError error = new Problem.FieldError(exception.parameter(), exception.getMessage());
        return Problem.of(400, "validation", "Invalid request", error.field() + ": " + error.message())
                .withErrors(List.of(error)).toResponse();
    }
}
