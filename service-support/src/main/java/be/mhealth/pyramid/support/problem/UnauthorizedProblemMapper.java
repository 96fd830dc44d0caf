package be.mhealth.pyramid.support.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;

/** No or invalid bearer token: 401 with a Bearer challenge. */
public class UnauthorizedProblemMapper {

    static Response unauthorized() {
        return Problem.of(401, "unauthorized", "Authentication required",
                        "a valid bearer token from the Pyramid identity provider is required")
                .toResponseBuilder().header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"pyramid\"").build();
    }

    @Provider
    public static class Missing implements ExceptionMapper<UnauthorizedException> {
        @Override
        public Response toResponse(UnauthorizedException exception) {
            return unauthorized();
        }
    }

    @Provider
    public static class Invalid implements ExceptionMapper<AuthenticationFailedException> {
        @Override
        public Response toResponse(AuthenticationFailedException exception) {
            return unauthorized();
        }
    }
}
