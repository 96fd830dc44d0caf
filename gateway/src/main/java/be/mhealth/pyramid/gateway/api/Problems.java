package be.mhealth.pyramid.gateway.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** RFC 9457 problem details written by the gateway itself, in the same shape as the services' ones. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://pyramid.mhealth.be/problems/";

    private Problems() {
    }

    public static Buffer body(int status, String slug, String title, String detail) {
        return new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .toBuffer();
    }

    /** Ends the response with a problem; a no-op when the response has already begun. */
    public static void send(HttpServerResponse response, int status, String slug, String title, String detail) {
        if (response.headWritten() || response.ended()) {
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE)
                .end(body(status, slug, title, detail));
    }

    public static void unauthorized(HttpServerResponse response) {
        if (response.headWritten() || response.ended()) {
            return;
        }
        response.putHeader("WWW-Authenticate", "Bearer realm=\"pyramid\"");
        send(response, 401, "unauthorized", "Authentication required",
                "a valid bearer token from the Pyramid identity provider is required");
    }
}
