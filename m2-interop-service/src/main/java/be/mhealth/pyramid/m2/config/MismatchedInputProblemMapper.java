package be.mhealth.pyramid.m2.config;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import be.mhealth.pyramid.support.problem.JsonProblemMapper;

/**
 * Quarkus REST maps {@link MismatchedInputException} (unknown field, unknown enum value, wrong type) with a
 * built-in mapper that is more specific than the shared {@link JsonProblemMapper}; this hands it back to the
 * shared one so the problem names the field.
 */
@Provider
public class MismatchedInputProblemMapper implements ExceptionMapper<MismatchedInputException> {

    private final JsonProblemMapper shared = new JsonProblemMapper();

    @Override
    public Response toResponse(MismatchedInputException exception) {
        return shared.toResponse(exception);
    }
}
