package be.mhealth.pyramid.gateway.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import be.mhealth.pyramid.gateway.config.GatewayConfig;
import be.mhealth.pyramid.gateway.service.MergedOpenApi;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /q/openapi}: the merged document; {@code /q/swagger-ui}: Swagger UI showing it. */
@ApplicationScoped
public class OpenApiRoutes {

    private static final String SWAGGER_CSP = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; connect-src 'self' %s; frame-ancestors 'none'";
    private static final String REDIRECT_PAGE = "oauth2-redirect.html";
    /** Swagger UI's own files (smallrye-open-api-ui) and the gateway's page and initializer. */
    private static final Map<String, String> FILES = Map.of(
            "index.html", "swagger-ui/index.html",
            "swagger-initializer.js", "swagger-ui/swagger-initializer.js",
            "swagger-ui-bundle.js", "META-INF/resources/openapi-ui/swagger-ui-bundle.js",
            "swagger-ui-standalone-preset.js", "META-INF/resources/openapi-ui/swagger-ui-standalone-preset.js",
            "swagger-ui.css", "META-INF/resources/openapi-ui/swagger-ui.css",
            "favicon.ico", "META-INF/resources/openapi-ui/favicon.ico",
            REDIRECT_PAGE, "META-INF/resources/openapi-ui/oauth2-redirect.html");

    private final MergedOpenApi merger;
    private final String clientId;
    private final String csp;
    private final Map<String, Buffer> loaded = new ConcurrentHashMap<>();

    public OpenApiRoutes(MergedOpenApi merger, GatewayConfig config) {
        this.merger = merger;
        this.clientId = config.openapi().swaggerUiClientId();
        // Swagger UI reads Keycloak's discovery document and exchanges the code for a token from the browser.
        this.csp = SWAGGER_CSP.formatted(origin(merger.openIdConnectUrl()));
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
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
        Buffer content = loaded.computeIfAbsent(resource, this::read);
        // The sign-in redirect page is Swagger UI's own, with an inline script: allowed by its hash, nothing else.
        context.put(EdgeFilter.CSP_KEY, name.equals(REDIRECT_PAGE)
                ? csp + "; script-src " + scriptHashes(content.toString(StandardCharsets.UTF_8))
                : csp);
        context.response().putHeader("Content-Type", contentType(name))
                .putHeader("Cache-Control", "public, max-age=3600")
                .end(content);
    }

    private Buffer read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            byte[] bytes = in.readAllBytes();
            if (resource.endsWith("swagger-initializer.js")) {
                return Buffer.buffer(new String(bytes, StandardCharsets.UTF_8).replace("${clientId}", clientId));
            }
            return Buffer.buffer(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CSP sources allowing exactly the page's inline scripts ('sha256-…' of each). */
    static String scriptHashes(String html) {
        StringBuilder sources = new StringBuilder("'self'");
        Matcher script = INLINE_SCRIPT.matcher(html);
        while (script.find()) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8));
                sources.append(" 'sha256-").append(Base64.getEncoder().encodeToString(digest)).append('\'');
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return sources.toString();
    }

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

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
