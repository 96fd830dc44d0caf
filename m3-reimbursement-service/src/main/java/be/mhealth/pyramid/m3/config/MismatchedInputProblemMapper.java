package be.mhealth.pyramid.m3.config;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import be.mhealth.pyramid.support.problem.JsonProblemMapper;

/**
 * Stop-gap until service-support maps it: Quarkus REST's built-in mapper for {@link MismatchedInputException}
 * (unknown enum value, unknown field, wrong type) is closer to the exception than the shared
 * {@link JsonProblemMapper} and answers without problem+json; this hands those errors to the shared one.
 */
@Provider
public class MismatchedInputProblemMapper implements ExceptionMapper<MismatchedInputException> {

    private final JsonProblemMapper shared = new JsonProblemMapper();

    @Override
    public Response toResponse(MismatchedInputException exception) {
        return shared.toResponse(exception);
    }
}
