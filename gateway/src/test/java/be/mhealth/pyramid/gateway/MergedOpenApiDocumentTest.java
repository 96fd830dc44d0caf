package be.mhealth.pyramid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The platform's OpenAPI document as the build merged it (target/openapi/pyramid.json, from the services' stored
 * documents): what client generators and validators get. Each problem is named with the service it comes from:
 * what an independent validator (swagger-parser) reports on that service's document, the merge's own findings
 * (component names defined differently by two services, operation ids used twice, operations public in a service
 * but not at the gateway), and every operation without a unique verb-first operationId or without its access stated.
 * <p>
 * Problems the services still have are listed in {@code src/test/resources/openapi/known-problems.txt}: a new problem
 * fails the build, and so does a listed one that is gone (delete its line). {@code -Dopenapi.known-problems.write=true}
 * rewrites the list.
 */
class MergedOpenApiDocumentTest {

    private static final Path MERGED = Path.of("target/openapi/pyramid.json");
    private static final Path KNOWN = Path.of("src/test/resources/openapi/known-problems.txt");
    private static final Map<String, Path> SERVICES = Map.of(
            "registry", Path.of("../registry-service/target/openapi/openapi.json"),
            "m1", Path.of("../m1-ce-service/target/openapi/openapi.json"),
            "m2", Path.of("../m2-interop-service/target/openapi/openapi.json"),
            "m3", Path.of("../m3-reimbursement-service/target/openapi/openapi.json"),
            "notification", Path.of("../notification-service/target/openapi/openapi.json"));
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** An operationId starts with what it does: a verb, then the thing (listCatalogApps, submitM1Dossier). */
    private static final Pattern VERB_FIRST = Pattern.compile("(get|list|search|create|register|update|replace|delete"
            + "|submit|withdraw|decide|record|retry|discard|revoke|extend|upload|download|request|confirm|end|start"
            + "|add|remove|open|close|approve|reject|cancel|declare|assess|answer|expire|renew|pause|resume|replay|send)[A-Z][A-Za-z0-9]*");
    private static final Set<String> JAVA_TYPES = Set.of("UUID", "Instant", "OffsetDateTime", "ZonedDateTime",
            "LocalDateTime", "LocalDate", "LocalTime", "Duration", "URI", "URL", "BigDecimal", "Object");

    @Test
    void theMergedDocumentIsValidAndEveryOperationHasAUniqueVerbFirstIdAndItsAccess() throws IOException {
        JsonObject merged = new JsonObject(Files.readString(MERGED));
        Set<String> problems = new LinkedHashSet<>();

        // The merge's own findings (written beside the document by the build).
        Path mergeProblems = MERGED.resolveSibling("pyramid-problems.txt");
        Files.readAllLines(mergeProblems).stream().filter(line -> !line.isBlank()).forEach(problems::add);

        // An independent validator, on each service's document and on the merged one.
        Set<String> attributed = new LinkedHashSet<>();
        for (Map.Entry<String, Path> service : new TreeMap<>(SERVICES).entrySet()) {
            for (String message : validate(Files.readString(service.getValue()))) {
                problems.add(service.getKey() + ": validator: " + message);
                attributed.add(message);
            }
        }
        for (String message : validate(merged.encode())) {
            if (!attributed.contains(message)) {
                problems.add("merged: validator: " + message);
            }
        }

        // Operation ids and access, per operation of the merged document.
        JsonObject paths = merged.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                JsonObject operation = item.getJsonObject(method);
                String where = method.toUpperCase() + " " + path;
                String service = service(path);
                String id = operation.getString("operationId");
                if (id == null) {
                    problems.add(service + ": " + where + " has no operationId");
                } else if (!VERB_FIRST.matcher(id).matches()) {
                    problems.add(service + ": operationId " + id + " of " + where + " does not start with a verb");
                }
                for (String header : headersWithoutSchema(operation)) {
                    problems.add(service + ": " + where + ": response header " + header + " has no schema");
                }
                JsonArray security = operation.getJsonArray("security");
                if (security == null) {
                    problems.add(service + ": " + where + " does not say whether it needs a token (security)");
                } else if (!security.isEmpty() && !operation.containsKey("x-pyramid-roles")) {
                    problems.add(service + ": " + where + " does not state its roles (x-pyramid-roles)");
                }
            }
        }
        for (String name : merged.getJsonObject("components").getJsonObject("schemas", new JsonObject()).fieldNames()) {
            if (JAVA_TYPES.contains(name)) {
                problems.add(owner(merged, name) + ": schema name " + name + " is a Java type");
            }
        }

        report(problems);
    }

    @Test
    void theGatewaysOwnPartsAreInTheDocument() throws IOException {
        JsonObject merged = new JsonObject(Files.readString(MERGED));
        assertThat(merged.getJsonObject("components").getJsonObject("securitySchemes").fieldNames())
                .containsExactly("oidc");
        assertThat(merged.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("oidc")
                .getString("openIdConnectUrl")).endsWith("/realms/pyramid/.well-known/openid-configuration");
        assertThat(merged.getJsonObject("components").getJsonObject("responses").fieldNames())
                .contains("BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict", "PreconditionFailed",
                        "PreconditionRequired", "PayloadTooLarge", "UnsupportedMediaType", "Unprocessable",
                        "TooManyRequests", "ServiceUnavailable");
        // Only what the gateway routes: every path has an owner, and the admin routes of each service are there.
        assertThat(merged.getJsonObject("paths").fieldNames()).allMatch(path -> !service(path).equals("unrouted"))
                .contains("/api/v1/catalog", "/api/v1/m1/dossiers", "/api/v1/m2/criteria-rules",
                        "/api/v1/admin/registry/parked-events", "/api/v1/admin/m3/parked-events",
                        "/api/v1/webhooks", "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay",
                        "/api/v1/admin/notification/parked-events");
        assertThat(merged.getJsonObject("paths").getJsonObject("/api/v1/m2/criteria-rules").getJsonObject("get")
                .getJsonArray("security")).isEmpty();
    }

    @Test
    void theValidatorFindsWhatMadeTheDocumentInvalidBefore() {
        // What the issue's validator reported: a header and a parameter without schema, a response without
        // description, a $ref to nothing. The check above can fail.
        JsonObject broken = new JsonObject("""
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/x": {"get": {
                  "parameters": [{"name": "Accept-Language", "in": "header"}],
                  "responses": {
                    "201": {"headers": {"Location": {"description": "where"}}},
                    "400": {"$ref": "#/components/responses/Nowhere"}}}}}}""");
        assertThat(validate(broken.encode())).contains(
                "attribute paths.'/x'(get).parameters.[Accept-Language].content is missing",
                "attribute paths.'/x'(get).responses.201.description is missing",
                "Could not find /components/responses/Nowhere in contents of #/components/responses/Nowhere");
        // swagger-parser accepts a header without schema; generators do not: checked here.
        assertThat(headersWithoutSchema(broken.getJsonObject("paths").getJsonObject("/x").getJsonObject("get")))
                .containsExactly("201 Location");
    }

    /** "status name" of each response header that has neither schema nor content. */
    /**
     * M1, M2 and M3 on one template, as a client sees them: the same operations under the same paths with the same
     * operation ids (the level's name aside) and query parameters, the same history, page, review-queue and reason
     * schemas, a dossier with the same core fields, decisions as a {@code oneOf} chosen by {@code outcome}.
     */
    @Test
    void theThreeLevelsShareOneShape() throws IOException {
        JsonObject merged = new JsonObject(Files.readString(MERGED));
        JsonObject paths = merged.getJsonObject("paths");
        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        List<String> levels = List.of("M1", "M2", "M3");
        List<String> template = List.of("GET /dossiers", "POST /dossiers", "GET /dossiers/{id}", "PUT /dossiers/{id}",
                "POST /dossiers/{id}/submit", "POST /dossiers/{id}/withdraw", "POST /dossiers/{id}/decision",
                "POST /dossiers/{id}/revocation", "GET /dossiers/{id}/history", "GET /review-queue");
        for (String operation : template) {
            Map<String, String> byLevel = new TreeMap<>();
            for (String level : levels) {
                String[] methodAndPath = operation.split(" ");
                String path = "/api/v1/" + level.toLowerCase() + methodAndPath[1];
                JsonObject op = paths.getJsonObject(path, new JsonObject())
                        .getJsonObject(methodAndPath[0].toLowerCase());
                assertThat(op).as(level + ": " + operation).isNotNull();
                Set<String> query = new TreeSet<>();
                for (Object parameter : op.getJsonArray("parameters", new JsonArray())) {
                    if ("query".equals(((JsonObject) parameter).getString("in"))) {
                        query.add(((JsonObject) parameter).getString("name"));
                    }
                }
                if (operation.equals("GET /review-queue")) {
                    // Each queue has a filter of its own (certificates expiring, overdue clocks); paging is shared.
                    assertThat(query).as(level + ": " + operation).contains("page", "size");
                    query.clear();
                }
                byLevel.put(level, withoutLevel(op.getString("operationId")) + " " + query);
            }
            assertThat(new LinkedHashSet<>(byLevel.values())).as(operation + " in " + byLevel).hasSize(1);
        }

        for (String shared : List.of("HistoryEntry", "HistoryPage", "DossierPage", "ReviewQueuePage",
                "ReasonRequest")) {
            Set<String> shapes = new LinkedHashSet<>();
            levels.forEach(level -> shapes.add(shape(schemas.getJsonObject(level + shared)).encode()));
            assertThat(shapes).as(shared + " at M1, M2 and M3").hasSize(1);
        }
        // Where a clock always runs (M3) the queue's due date is required; the entry is the same.
        Set<String> queueEntries = new LinkedHashSet<>();
        levels.forEach(level -> queueEntries.add(shape(schemas.getJsonObject(level + "ReviewQueueEntry")
                .getJsonObject("properties")).encode()));
        assertThat(queueEntries).as("ReviewQueueEntry at M1, M2 and M3").hasSize(1);

        List<String> core = List.of("id", "appId", "organizationId", "state", "createdBy", "createdAt", "updatedAt",
                "submittedAt", "waitingSince", "decidedBy", "decidedAt", "decisionReason", "version");
        Set<String> cores = new LinkedHashSet<>();
        for (String level : levels) {
            JsonObject dossier = schemas.getJsonObject(level + "Dossier");
            JsonObject fields = new JsonObject();
            core.forEach(name -> fields.put(name, dossier.getJsonObject("properties").getValue(name)));
            cores.add(shape(fields).encode());
            assertThat(dossier.getJsonArray("required").getList()).as(level + "Dossier required").contains("id",
                    "appId", "organizationId", "state", "createdBy", "createdAt", "updatedAt", "version");
            JsonObject decision = schemas.getJsonObject(level + "DecisionRequest");
            assertThat(decision.getJsonArray("oneOf")).as(level + "DecisionRequest").isNotEmpty();
            assertThat(decision.getJsonObject("discriminator").getString("propertyName")).isEqualTo("outcome");
            assertThat(schemas.getJsonObject(level + "DossierState").getJsonArray("enum").getList())
                    .contains("DRAFT", "SUBMITTED", "WITHDRAWN", "CLOSED");
            assertThat(schemas.getJsonObject(level + "DossierAction").getJsonArray("enum").getList())
                    .contains("CREATE", "SUBMIT", "WITHDRAW", "REVOKE", "CLOSE");
        }
        assertThat(cores).as("the dossier's core fields at M1, M2 and M3").hasSize(1);
        // Opening waits for the level service's copy of the app (AppCopyArrival): each level says so.
        for (String level : levels) {
            assertThat(paths.getJsonObject("/api/v1/" + level.toLowerCase() + "/dossiers").getJsonObject("post")
                    .getString("description")).as(level + ": POST /dossiers").contains("`pyramid.app-copy-wait`");
        }
    }

    private static String withoutLevel(String text) {
        return text == null ? null : text.replaceAll("M[123]", "Mx");
    }

    /** A schema as a client generator sees its structure: descriptions and examples left out, levels' names alike. */
    private static JsonObject shape(JsonObject schema) {
        JsonObject shape = new JsonObject();
        for (String key : new TreeSet<>(schema.fieldNames())) {
            if (Set.of("description", "example", "examples", "title").contains(key)) {
                continue;
            }
            shape.put(key, shapeOf(schema.getValue(key)));
        }
        return shape;
    }

    private static Object shapeOf(Object value) {
        if (value instanceof JsonObject object) {
            return shape(object);
        }
        if (value instanceof JsonArray array) {
            JsonArray out = new JsonArray();
            array.forEach(element -> out.add(shapeOf(element)));
            return out;
        }
        return value instanceof String text ? withoutLevel(text) : value;
    }

    private static List<String> headersWithoutSchema(JsonObject operation) {
        List<String> missing = new ArrayList<>();
        JsonObject responses = operation.getJsonObject("responses", new JsonObject());
        for (String status : responses.fieldNames()) {
            JsonObject headers = responses.getJsonObject(status).getJsonObject("headers", new JsonObject());
            for (String name : headers.fieldNames()) {
                JsonObject header = headers.getJsonObject(name);
                if (!header.containsKey("$ref") && !header.containsKey("schema") && !header.containsKey("content")) {
                    missing.add(status + " " + name);
                }
            }
        }
        return missing;
    }

    private static List<String> validate(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        List<String> messages = new OpenAPIV3Parser().readContents(json, null, options).getMessages();
        return messages == null ? List.of() : messages;
    }

    private static void report(Set<String> problems) throws IOException {
        if (Boolean.getBoolean("openapi.known-problems.write")) {
            List<String> lines = new ArrayList<>(List.of(
                    "# Problems of the merged OpenAPI document that the services still have (MergedOpenApiDocumentTest).",
                    "# A new problem fails the build, and so does one listed here that is gone: delete its line."));
            lines.addAll(problems.stream().sorted().toList());
            Files.write(KNOWN, lines);
        }
        List<String> known = Files.exists(KNOWN) ? Files.readAllLines(KNOWN).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList() : List.of();
        Map<String, Long> perService = problems.stream().collect(Collectors.groupingBy(
                p -> p.substring(0, p.indexOf(':')), TreeMap::new, Collectors.counting()));
        System.out.println("OpenAPI problems per service: " + (perService.isEmpty() ? "none" : perService));
        List<String> unexpected = problems.stream().filter(p -> !known.contains(p)).toList();
        List<String> gone = known.stream().filter(p -> !problems.contains(p)).toList();
        assertThat(unexpected).as("new problems in the merged OpenAPI document:\n" + lines(unexpected)).isEmpty();
        assertThat(gone).as("fixed, delete from " + KNOWN + ":\n" + lines(gone)).isEmpty();
    }

    private static String lines(Collection<String> problems) {
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }

    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

    static {
        PREFIXES.put("/api/v1/admin/registry", "registry");
        PREFIXES.put("/api/v1/admin/m1", "m1");
        PREFIXES.put("/api/v1/admin/m2", "m2");
        PREFIXES.put("/api/v1/admin/m3", "m3");
        PREFIXES.put("/api/v1/admin/notification", "notification");
        PREFIXES.put("/api/v1/webhooks", "notification");
        PREFIXES.put("/api/v1/m1", "m1");
        PREFIXES.put("/api/v1/m2", "m2");
        PREFIXES.put("/api/v1/m3", "m3");
        PREFIXES.put("/api/v1/catalog", "registry");
        PREFIXES.put("/api/v1/apps", "registry");
        PREFIXES.put("/api/v1/stats", "registry");
        PREFIXES.put("/api/v1/labels", "registry");
        PREFIXES.put("/api/v1/open-data", "registry");
        PREFIXES.put("/fhir/r4", "registry");
    }

    private static String service(String path) {
        return PREFIXES.entrySet().stream().filter(e -> path.equals(e.getKey()) || path.startsWith(e.getKey() + "/"))
                .map(Map.Entry::getValue).findFirst().orElse("unrouted");
    }

    /** The service whose stored document defines a schema (the first, in name order). */
    private static String owner(JsonObject merged, String schema) throws IOException {
        for (Map.Entry<String, Path> service : new TreeMap<>(SERVICES).entrySet()) {
            JsonObject document = new JsonObject(Files.readString(service.getValue()));
            if (document.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject())
                    .containsKey(schema)) {
                return service.getKey();
            }
        }
        return "merged";
    }
}
