package be.mhealth.pyramid.gateway.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One OpenAPI document for the platform, merged from each upstream's own: only the paths the gateway routes to
 * that upstream, components renamed where two services define the same name differently, and one bearer (OIDC)
 * security scheme. Cached for a short time; an upstream that cannot be read is left out with a warning.
 */
@ApplicationScoped
public class OpenApiMerger {

    private static final Logger LOG = Logger.getLogger(OpenApiMerger.class);
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    static final String SCHEME = "bearer";

    private record Cached(JsonObject document, long expiresAt) {
    }

    private final Upstreams upstreams;
    private final GatewayConfig.OpenApi config;
    private volatile Cached cached;

    public OpenApiMerger(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.config = config.openapi();
    }

    public Future<JsonObject> document() {
        Cached current = cached;
        if (current != null && System.nanoTime() < current.expiresAt()) {
            return Future.succeededFuture(current.document());
        }
        List<UpstreamProxy> sources = new ArrayList<>(upstreams.all());
        List<Future<JsonObject>> fetches = sources.stream().map(this::fetch).toList();
        return Future.join(fetches).transform(ignored -> {
            Map<String, JsonObject> documents = new LinkedHashMap<>();
            for (int i = 0; i < sources.size(); i++) {
                if (fetches.get(i).succeeded()) {
                    documents.put(sources.get(i).name(), fetches.get(i).result());
                } else {
                    LOG.warnf("OpenAPI of upstream %s unavailable, its paths are left out: %s", sources.get(i).name(),
                            fetches.get(i).cause().getMessage());
                }
            }
            JsonObject merged = merge(documents);
            cached = new Cached(merged, System.nanoTime() + config.cacheTtl().toNanos());
            return Future.succeededFuture(merged);
        });
    }

    private Future<JsonObject> fetch(UpstreamProxy upstream) {
        return upstream.client()
                .request(upstream.request(upstream.config().openapiPath()).setMethod(HttpMethod.GET)
                        .putHeader("Accept", "application/json"))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("status " + response.statusCode()))
                .map(JsonObject::new);
    }

    JsonObject merge(Map<String, JsonObject> documents) {
        Map<String, Object> paths = new TreeMap<>();
        JsonObject components = new JsonObject();
        Map<String, JsonObject> tags = new LinkedHashMap<>();
        String openapiVersion = "3.1.0";
        for (Map.Entry<String, JsonObject> entry : documents.entrySet()) {
            String upstream = entry.getKey();
            JsonObject document = entry.getValue();
            openapiVersion = document.getString("openapi", openapiVersion);
            JsonObject ownComponents = document.getJsonObject("components", new JsonObject());
            Map<String, String> renames = new HashMap<>();
            for (String section : ownComponents.fieldNames()) {
                if (section.equals("securitySchemes")) {
                    continue;
                }
                JsonObject known = components.getJsonObject(section, new JsonObject());
                JsonObject own = ownComponents.getJsonObject(section);
                for (String name : own.fieldNames()) {
                    if (known.containsKey(name) && !known.getValue(name).equals(own.getValue(name))) {
                        renames.put(ref(section, name), ref(section, upstream + "_" + name));
                    }
                }
            }
            JsonObject rewritten = (JsonObject) rewriteRefs(document.copy(), renames);
            JsonObject rewrittenComponents = rewritten.getJsonObject("components", new JsonObject());
            for (String section : rewrittenComponents.fieldNames()) {
                if (section.equals("securitySchemes")) {
                    continue;
                }
                JsonObject target = components.getJsonObject(section);
                if (target == null) {
                    target = new JsonObject();
                    components.put(section, target);
                }
                JsonObject own = rewrittenComponents.getJsonObject(section);
                for (String name : own.fieldNames()) {
                    String renamed = renames.getOrDefault(ref(section, name), ref(section, name));
                    target.put(renamed.substring(renamed.lastIndexOf('/') + 1), own.getValue(name));
                }
            }
            JsonObject ownPaths = rewritten.getJsonObject("paths", new JsonObject());
            for (String path : ownPaths.fieldNames()) {
                boolean routedHere = upstreams.route(path)
                        .map(route -> route.upstream().name().equals(upstream)).orElse(false);
                if (routedHere) {
                    paths.put(path, withOneScheme(ownPaths.getJsonObject(path)));
                }
            }
            JsonArray ownTags = rewritten.getJsonArray("tags", new JsonArray());
            for (int i = 0; i < ownTags.size(); i++) {
                JsonObject tag = ownTags.getJsonObject(i);
                tags.putIfAbsent(tag.getString("name"), tag);
            }
        }
        components.put("securitySchemes", new JsonObject().put(SCHEME, new JsonObject()
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "Access token from the Pyramid OpenID Connect provider (Keycloak realm pyramid)")));
        return new JsonObject()
                .put("openapi", openapiVersion)
                .put("info", new JsonObject()
                        .put("title", config.title())
                        .put("version", config.version())
                        .put("description", "The whole Pyramid platform as served by its gateway."))
                .put("tags", new JsonArray(new ArrayList<>(tags.values())))
                .put("paths", new JsonObject(paths))
                .put("components", components);
    }

    private static String ref(String section, String name) {
        return "#/components/" + section + "/" + name;
    }

    private static Object rewriteRefs(Object node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return node;
        }
        if (node instanceof JsonObject object) {
            for (String key : new ArrayList<>(object.fieldNames())) {
                Object value = object.getValue(key);
                if (key.equals("$ref") && value instanceof String target && renames.containsKey(target)) {
                    object.put(key, renames.get(target));
                } else {
                    object.put(key, rewriteRefs(value, renames));
                }
            }
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewriteRefs(array.getValue(i), renames));
            }
        }
        return node;
    }

    /** Security requirements of operations name the gateway's single bearer scheme. */
    private static JsonObject withOneScheme(JsonObject pathItem) {
        for (String method : pathItem.fieldNames()) {
            if (OPERATIONS.contains(method) && pathItem.getValue(method) instanceof JsonObject operation) {
                JsonArray security = operation.getJsonArray("security");
                if (security != null) {
                    // An empty requirement ({}) means "anonymous allowed" and stays.
                    JsonArray normalized = new JsonArray();
                    for (int i = 0; i < security.size(); i++) {
                        JsonObject requirement = security.getJsonObject(i).isEmpty() ? new JsonObject()
                                : new JsonObject().put(SCHEME, new JsonArray());
                        if (!normalized.contains(requirement)) {
                            normalized.add(requirement);
                        }
                    }
                    operation.put("security", normalized);
                }
            }
        }
        return pathItem;
    }
}
