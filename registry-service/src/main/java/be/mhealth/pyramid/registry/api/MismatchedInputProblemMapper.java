package be.mhealth.pyramid.registry.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import be.mhealth.pyramid.support.problem.JsonProblemMapper;

/**
 * Unknown fields, unknown enum values and wrong JSON types as the shared problem+json 400: Quarkus' built-in
 * mapper for {@link MismatchedInputException} would otherwise win over the shared {@link JsonProblemMapper}.
 */
@Provider
@Priority(Priorities.USER)
public class MismatchedInputProblemMapper implements ExceptionMapper<MismatchedInputException> {

    private final JsonProblemMapper shared = new JsonProblemMapper();

    @Override
    public Response toResponse(MismatchedInputException exception) {
        return shared.toResponse(exception);
    }
}
