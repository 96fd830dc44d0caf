package be.mhealth.pyramid.support.problem;

import java.io.IOException;
import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request body Quarkus REST could not parse before the resource ran (a malformed or truncated
 * {@code multipart/form-data} body): the client's error, 400 naming {@code body}. Any other {@link IOException}
 * is left to {@link UnexpectedProblemMapper}.
 */
@Provider
public class MalformedBodyProblemMapper implements ExceptionMapper<IOException> {

    private static final String BODY_PARSERS = "org.jboss.resteasy.reactive.server.core.multipart.";

    private final UnexpectedProblemMapper unexpected = new UnexpectedProblemMapper();

    @Override
    public Response toResponse(IOException exception) {
        StackTraceElement[] stack = exception.getStackTrace();
        if (stack.length > 0 && stack[0].getClassName().startsWith(BODY_PARSERS)) {
            return Problem.of(400, "validation", "Invalid request", "body: " + exception.getMessage())
                    .withErrors(List.of(new Problem.FieldError("body", "not a well-formed multipart/form-data body")))
                    .toResponse();
        }
        return unexpected.toResponse(exception);
    }
}
