package be.mhealth.pyramid.support.problem;

import java.util.UUID;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

/** A bug: logged with an incident id, answered 500 without internals. */
@Provider
public class UnexpectedProblemMapper implements ExceptionMapper<Exception> {
    private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class);

    @Override
    public Response toResponse(Exception exception) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(exception, "unexpected error, incident %s", incident);
        return Problem.of(500, "internal", "Internal error", "unexpected error; incident " + incident).toResponse();
    }
}
