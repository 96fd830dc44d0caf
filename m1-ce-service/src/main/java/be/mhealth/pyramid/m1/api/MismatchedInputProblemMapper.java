package be.mhealth.pyramid.m1.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import be.mhealth.pyramid.support.problem.JsonProblemMapper;

/**
 * Quarkus REST's own mapper for {@link MismatchedInputException} (unknown enum value, unknown field, wrong type) is
 * more specific than the shared {@link JsonProblemMapper} and answers plain JSON; this hands those errors back to
 * the shared problem+json form. Belongs in service-support (reported to the lead).
 */
@Provider
public class MismatchedInputProblemMapper implements ExceptionMapper<MismatchedInputException> {

    private final JsonProblemMapper shared = new JsonProblemMapper();

    @Override
    public Response toResponse(MismatchedInputException exception) {
        return shared.toResponse(exception);
    }
}
