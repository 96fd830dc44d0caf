package be.mhealth.pyramid.support.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Quarkus REST maps {@link MismatchedInputException} (unknown field, unknown enum value, wrong type) itself, more
 * specifically than {@link JsonProblemMapper}; this takes it back so those errors are problem+json naming the field.
 */
@Provider
public class MismatchedInputProblemMapper implements ExceptionMapper<MismatchedInputException> {

    private final JsonProblemMapper json = new JsonProblemMapper();

    @Override
    public Response toResponse(MismatchedInputException exception) {
        return json.toResponse(exception);
    }
}
