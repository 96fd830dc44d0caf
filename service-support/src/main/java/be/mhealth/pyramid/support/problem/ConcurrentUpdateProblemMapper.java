package be.mhealth.pyramid.support.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Two writers raced on one record and this one lost: 409, to be retried with the record read again. */
@Provider
public class ConcurrentUpdateProblemMapper implements ExceptionMapper<OptimisticLockException> {
    @Override
    public Response toResponse(OptimisticLockException exception) {
        return Problem.of(409, "concurrent-update", "Conflict",
                "the record was changed by a concurrent request; read it again and retry").toResponse();
    }
}
