package be.mhealth.pyramid.support.problem;

import java.util.UUID;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.support.inbox.Failures;

/**
 * A failure that will pass (the database restarting, a lock or connection timeout): 503 with {@code Retry-After}, so
 * that clients retry (with their {@code Idempotency-Key}). Anything else is a bug: logged with an incident id,
 * answered 500 without internals.
 */
@Provider
public class UnexpectedProblemMapper implements ExceptionMapper<Exception> {
    private static final Logger LOG = Logger.getLogger(UnexpectedProblemMapper.class);

    @Override
    public Response toResponse(Exception exception) {
        String incident = UUID.randomUUID().toString();
        if (Failures.classify(exception) == Failures.Kind.TRANSIENT) {
            LOG.warnf("unavailable, incident %s: %s", incident, Failures.telling(exception));
            return Problem.of(503, "unavailable", "Service unavailable",
                    "the service cannot complete this request right now; try again (incident " + incident + ")")
                    .toResponseBuilder().header(HttpHeaders.RETRY_AFTER, "2").build();
        }
        LOG.errorf(exception, "unexpected error, incident %s", incident);
        return Problem.of(500, "internal", "Internal error", "unexpected error; incident " + incident).toResponse();
    }
}
