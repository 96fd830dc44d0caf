package be.mhealth.pyramid.gateway.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import be.mhealth.pyramid.gateway.service.OpenApiMerger;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /q/openapi}: the merged document; {@code /q/swagger-ui}: Swagger UI showing it. */
@ApplicationScoped
public class OpenApiRoutes {

    private static final String SWAGGER_CSP = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";
    /** Swagger UI's own files (smallrye-open-api-ui) and the gateway's page and initializer. */
    private static final Map<String, String> FILES = Map.of(
            "index.html", "swagger-ui/index.html",
            "swagger-initializer.js", "swagger-ui/swagger-initializer.js",
            "swagger-ui-bundle.js", "META-INF/resources/openapi-ui/swagger-ui-bundle.js",
            "swagger-ui-standalone-preset.js", "META-INF/resources/openapi-ui/swagger-ui-standalone-preset.js",
            "swagger-ui.css", "META-INF/resources/openapi-ui/swagger-ui.css",
            "favicon.ico", "META-INF/resources/openapi-ui/favicon.ico");

    private final OpenApiMerger merger;
    private final Map<String, Buffer> loaded = new ConcurrentHashMap<>();

    public OpenApiRoutes(OpenApiMerger merger) {
        this.merger = merger;
    }

    void register(@Observes Router router) {
        router.get("/q/openapi").handler(this::openapi);
        // Vert.x matches this route with and without the trailing slash.
        router.get("/q/swagger-ui").handler(context -> {
            if (context.request().path().endsWith("/")) {
                file(context, "index.html");
            } else {
                context.redirect("/q/swagger-ui/");
            }
        });
        router.get("/q/swagger-ui/:file").handler(context -> file(context, context.pathParam("file")));
    }

    private void openapi(RoutingContext context) {
        merger.document().onComplete(result -> {
            if (result.succeeded()) {
                context.response().putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-cache")
                        .end(result.result().toBuffer());
            } else {
                Problems.send(context.response(), 500, "internal", "Internal error",
                        "the OpenAPI document could not be built");
            }
        });
    }

    private void file(RoutingContext context, String name) {
        String resource = FILES.get(name);
        if (resource == null) {
            Problems.send(context.response(), 404, "not-found", "Not found", "no such file: " + name);
            return;
        }
        context.put(EdgeFilter.CSP_KEY, SWAGGER_CSP);
        context.response().putHeader("Content-Type", contentType(name))
                .putHeader("Cache-Control", "public, max-age=3600")
                .end(loaded.computeIfAbsent(resource, OpenApiRoutes::read));
    }

    private static Buffer read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return "image/x-icon";
    }
}
