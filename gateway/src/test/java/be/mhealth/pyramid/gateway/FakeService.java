package be.mhealth.pyramid.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A real HTTP server standing in for one Pyramid service: canned answers, echoes of headers and bodies, a slow
 * route, an OpenAPI document, a readiness endpoint, and a control API ({@code /_control/...}) that tests call
 * directly to count the requests that reached it or to make it fail.
 */
final class FakeService {

    private final String name;
    private final JsonObject openapi;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private volatile boolean failing;
    private HttpServer server;
    private Vertx vertx;

    FakeService(String name, JsonObject openapi) {
        this.name = name;
        this.openapi = openapi;
    }

    Future<Integer> start(Vertx vertx) {
        this.vertx = vertx;
        server = vertx.createHttpServer().requestHandler(this::handle);
        return server.listen(0, "localhost").map(HttpServer::actualPort);
    }

    Future<Void> stop() {
        return server.close();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.startsWith("/_control/")) {
            control(request);
            return;
        }
        hits.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
        if (failing) {
            request.response().setStatusCode(503).end("{\"status\":\"down\"}");
            return;
        }
        if (path.equals("/q/health/ready")) {
            json(request, new JsonObject().put("status", "UP"));
        } else if (path.equals("/q/openapi")) {
            json(request, openapi);
        } else if (path.endsWith("/echo")) {
            // Sends the body back once received whole (the test client reads only after it has sent everything).
            request.body().onSuccess(body -> request.response().setChunked(true)
                    .putHeader("Content-Type", request.getHeader("Content-Type") == null ? "application/octet-stream"
                            : request.getHeader("Content-Type"))
                    .putHeader("X-Upstream", name)
                    .end(body));
        } else if (path.endsWith("/not-modified")) {
            // A revalidation that matched, as the registry answers it: no body, no Content-Length.
            request.response().setStatusCode(304).putHeader("ETag", "W/\"7\"").end();
        } else if (path.endsWith("/close-once") && hits.get(path).get() == 1) {
            // Hangs up without answering, like a server closing an idle pooled connection just as it is reused.
            request.connection().close();
        } else if (path.endsWith("/slow")) {
            long millis = Long.parseLong(request.getParam("ms", "3000"));
            request.body().onSuccess(body -> vertx.setTimer(millis,
                    id -> json(request, new JsonObject().put("service", name).put("slow", millis))));
        } else {
            request.body().onSuccess(body -> {
                JsonObject headers = new JsonObject();
                request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
                request.response()
                        .putHeader("X-Upstream", name)
                        .putHeader("Keep-Alive", "timeout=5")
                        .putHeader("Connection", "X-Internal-Hop")
                        .putHeader("X-Internal-Hop", "secret");
                json(request, new JsonObject()
                        .put("service", name)
                        .put("method", request.method().name())
                        .put("uri", request.uri())
                        .put("bodyLength", body.length())
                        .put("headers", headers));
            });
        }
    }

    private void control(HttpServerRequest request) {
        switch (request.path()) {
            case "/_control/hits" -> request.response().end(
                    String.valueOf(hits.getOrDefault(request.getParam("path"), new AtomicInteger()).get()));
            case "/_control/failing" -> {
                failing = Boolean.parseBoolean(request.getParam("value"));
                request.response().end(String.valueOf(failing));
            }
            default -> request.response().setStatusCode(404).end();
        }
    }

    private static void json(HttpServerRequest request, JsonObject body) {
        request.response().putHeader("Content-Type", "application/json").end(body.toBuffer());
    }

    /** An OpenAPI document as a Quarkus service would serve it, with the given paths and schemas. */
    static JsonObject openapi(String title, Map<String, String> pathsToTags, JsonObject schemas) {
        JsonObject paths = new JsonObject();
        pathsToTags.forEach((path, tag) -> paths.put(path, new JsonObject().put("get", new JsonObject()
                .put("tags", new JsonArray().add(tag))
                .put("security", new JsonArray().add(new JsonObject().put("SecurityScheme", new JsonArray())))
                .put("responses", new JsonObject().put("200", new JsonObject()
                        .put("description", "OK")
                        .put("content", new JsonObject().put("application/json", new JsonObject()
                                .put("schema", new JsonObject().put("$ref", "#/components/schemas/Summary")))))))));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", title).put("version", "1.0"))
                .put("tags", new JsonArray(pathsToTags.values().stream().distinct()
                        .map(tag -> new JsonObject().put("name", tag)).toList()))
                .put("paths", paths)
                .put("components", new JsonObject()
                        .put("schemas", schemas)
                        .put("securitySchemes", new JsonObject().put("SecurityScheme",
                                new JsonObject().put("type", "http").put("scheme", "bearer"))));
    }
}
