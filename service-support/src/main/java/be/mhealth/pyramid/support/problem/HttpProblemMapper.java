package be.mhealth.pyramid.support.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Any other JAX-RS status (unknown route, wrong method, unsupported media type…) as problem+json. */
@Provider
public class HttpProblemMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        Response.StatusType info = original.getStatusInfo();
        String slug = switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 503 -> "unavailable";
            default -> "http-" + status;
        };
        Response.ResponseBuilder builder = Problem.of(status, slug, info.getReasonPhrase(),
                exception.getMessage() == null ? info.getReasonPhrase() : exception.getMessage()).toResponseBuilder();
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }
}
