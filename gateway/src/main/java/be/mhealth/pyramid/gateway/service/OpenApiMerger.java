package be.mhealth.pyramid.gateway.service;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The platform's one OpenAPI document, merged from each service's own: a pure function, the same at build time
 * ({@link #main}, run by the gateway's build over the documents the services stored) and at run time
 * ({@code MergedOpenApi}, over the documents the upstreams serve).
 * <ul>
 * <li>only the paths the gateway routes to that service;</li>
 * <li>components shared by name: the same definition from several services is kept once; a name that two services
 * define differently is a problem (the later service's component is kept apart with its name prefixed, so that
 * the document stays whole, and the build fails on it);</li>
 * <li>one OpenID Connect security scheme, {@value #SCHEME}, pointing at Keycloak's discovery document;</li>
 * <li>problems also: an operationId used twice, an operation the service documents as public that the gateway's
 * route does not let through without a token.</li>
 * </ul>
 */
public final class OpenApiMerger {

    public static final String SCHEME = "oidc";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /** What the merged document says about itself and where its users sign in. */
    public record Settings(String title, String version, String openIdConnectUrl) {
    }

    /** The merged document, and every problem found merging it (each names the service it comes from). */
    public record Result(JsonObject document, List<Problem> problems) {
    }

    /** A problem of the merge, attributed to one service. */
    public record Problem(String service, String message) {
        @Override
        public String toString() {
            return service + ": " + message;
        }
    }

    private OpenApiMerger() {
    }

    /** Merges the services' documents (by upstream name, in the given order) as the gateway routes them. */
    public static Result merge(Map<String, JsonObject> documents, RouteTable routes, Settings settings) {
        Map<String, Object> paths = new TreeMap<>();
        JsonObject components = new JsonObject();
        Map<String, String> definedBy = new LinkedHashMap<>();
        Map<String, String> operationIds = new LinkedHashMap<>();
        Map<String, JsonObject> tags = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        String openapiVersion = "3.1.0";
        for (Map.Entry<String, JsonObject> entry : documents.entrySet()) {
            String upstream = entry.getKey();
            JsonObject document = entry.getValue();
            openapiVersion = document.getString("openapi", openapiVersion);
            JsonObject ownComponents = document.getJsonObject("components", new JsonObject());
            Map<String, String> renames = new LinkedHashMap<>();
            for (String section : ownComponents.fieldNames()) {
                if (section.equals("securitySchemes")) {
                    continue;
                }
                JsonObject known = components.getJsonObject(section, new JsonObject());
                JsonObject own = ownComponents.getJsonObject(section);
                for (String name : own.fieldNames()) {
                    if (known.containsKey(name) && !known.getValue(name).equals(own.getValue(name))) {
                        problems.add(new Problem(upstream, "component " + section + "/" + name + " is defined "
                                + "differently by " + definedBy.get(section + "/" + name) + " and " + upstream
                                + "; give one of them a distinct name"));
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
                    String finalName = renamed.substring(renamed.lastIndexOf('/') + 1);
                    target.put(finalName, own.getValue(name));
                    definedBy.putIfAbsent(section + "/" + finalName, upstream);
                }
            }
            JsonObject ownPaths = rewritten.getJsonObject("paths", new JsonObject());
            for (String path : ownPaths.fieldNames()) {
                boolean routedHere = routes.route(path).map(route -> route.upstream().equals(upstream)).orElse(false);
                if (!routedHere) {
                    continue;
                }
                JsonObject item = withOneScheme(ownPaths.getJsonObject(path));
                check(upstream, path, item, routes, operationIds, problems);
                paths.put(path, item);
            }
            JsonArray ownTags = rewritten.getJsonArray("tags", new JsonArray());
            for (int i = 0; i < ownTags.size(); i++) {
                JsonObject tag = ownTags.getJsonObject(i);
                tags.putIfAbsent(tag.getString("name"), tag);
            }
        }
        components.put("securitySchemes", new JsonObject().put(SCHEME, new JsonObject()
                .put("type", "openIdConnect")
                .put("openIdConnectUrl", settings.openIdConnectUrl())
                .put("description", "Keycloak realm pyramid: people sign in with the authorization code flow and "
                        + "PKCE (Swagger UI uses the public client pyramid-swagger-ui), authority systems with client "
                        + "credentials. Each operation names the realm roles it needs in `x-pyramid-roles`.")));
        JsonObject merged = new JsonObject()
                .put("openapi", openapiVersion)
                .put("info", new JsonObject()
                        .put("title", settings.title())
                        .put("version", settings.version())
                        .put("description", "The whole Pyramid platform as served by its gateway. Errors are RFC 9457 "
                                + "problem details (`application/problem+json`); the `Problem` schema lists every "
                                + "problem `type` and what it means. Every operation says who may call it "
                                + "(`x-pyramid-roles`, and a line in its description); public ones have `security: []`."))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")
                        .put("description", "the gateway that serves this document")))
                .put("tags", new JsonArray(new ArrayList<>(tags.values())))
                .put("paths", new JsonObject(paths))
                .put("components", components);
        return new Result(merged, List.copyOf(problems));
    }

    /** Duplicate operation ids; operations a service calls public that the gateway does not let through. */
    private static void check(String upstream, String path, JsonObject item, RouteTable routes,
            Map<String, String> operationIds, List<Problem> problems) {
        for (String method : item.fieldNames()) {
            if (!OPERATIONS.contains(method) || !(item.getValue(method) instanceof JsonObject operation)) {
                continue;
            }
            String id = operation.getString("operationId");
            if (id != null) {
                String first = operationIds.putIfAbsent(id, upstream + " " + method.toUpperCase() + " " + path);
                if (first != null) {
                    problems.add(new Problem(upstream, "operationId " + id + " of " + method.toUpperCase() + " "
                            + path + " is also that of " + first));
                }
            }
            JsonArray security = operation.getJsonArray("security");
            boolean anonymousAllowed = security != null && (security.isEmpty() || security.stream()
                    .anyMatch(requirement -> requirement instanceof JsonObject o && o.isEmpty()));
            if (anonymousAllowed && (method.equals("get") || method.equals("head"))) {
                String sample = path.replaceAll("\\{[^}]+}", "x");
                boolean gatewayPublic = routes.route(sample)
                        .map(route -> route.isPublic(method.toUpperCase(), sample)).orElse(false);
                if (!gatewayPublic) {
                    problems.add(new Problem(upstream, method.toUpperCase() + " " + path + " is public in the "
                            + "service but the gateway requires a token (add it to the route's public-paths)"));
                }
            }
        }
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

    /** Security requirements of operations name the gateway's one scheme; {@code {}} (anonymous allowed) stays. */
    private static JsonObject withOneScheme(JsonObject pathItem) {
        for (String method : pathItem.fieldNames()) {
            if (OPERATIONS.contains(method) && pathItem.getValue(method) instanceof JsonObject operation) {
                JsonArray security = operation.getJsonArray("security");
                if (security != null) {
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

    /**
     * The build's merge: {@code <application.properties> <output.json> <upstream>=<openapi.json>…}. Writes the
     * document and {@code <output>-problems.txt} (one problem a line, empty when there is none); the gateway's
     * tests judge them.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: <application.properties> <output.json> <upstream>=<openapi.json>...");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]))) {
            properties.load(reader);
        }
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            Path file = Path.of(pair[1]);
            if (!Files.exists(file)) {
                throw new IllegalStateException("no OpenAPI document of " + pair[0] + " at " + file + ": build the "
                        + "services first (they store it at build time, quarkus.smallrye-openapi.store-schema-directory)");
            }
            documents.put(pair[0], new JsonObject(Files.readString(file)));
        }
        String authServer = properties.getProperty("quarkus.oidc.auth-server-url", "http://localhost:8180/realms/pyramid");
        Settings settings = new Settings(properties.getProperty("pyramid.gateway.openapi.title", "Pyramid API"),
                properties.getProperty("pyramid.gateway.openapi.version", "v1"),
                properties.getProperty("pyramid.gateway.openapi.open-id-connect-url",
                        authServer + "/.well-known/openid-configuration"));
        Result result = merge(documents, RouteTable.fromProperties(properties), settings);
        Path output = Path.of(args[1]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, result.document().encodePrettily());
        String name = output.getFileName().toString().replaceFirst("\\.json$", "");
        Files.write(output.resolveSibling(name + "-problems.txt"), result.problems().stream().map(Problem::toString).toList());
        System.out.printf("OpenAPI: merged %d documents into %s (%d paths, %d problems)%n", documents.size(), output,
                result.document().getJsonObject("paths").size(), result.problems().size());
    }
}
