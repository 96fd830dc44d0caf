package be.mhealth.pyramid.support.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import be.mhealth.pyramid.support.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What every service's OpenAPI document says the same way, so that resources declare only their own successes:
 * <ul>
 * <li>the {@code Problem} schema (with every problem type, {@link ProblemTypes}) and the named problem responses,
 * once, in {@code components.responses};</li>
 * <li>on each operation, a {@code $ref} to every problem response it can answer, derived from the operation: a token
 * → 401/403, a path parameter → 404, a body → 400/413/415/422, parameters → 400, {@code If-Match} → 412/428,
 * {@code Idempotency-Key} → 422, a write → 409, and 429/503 everywhere (the gateway's rate limit; a service or its
 * database away);</li>
 * <li>security: the OpenID Connect scheme {@value #SCHEME}; public operations say {@code security: []}; a secured
 * one names its roles (from {@code @RolesAllowed}, which Quarkus puts in the requirement's scopes) in
 * {@code x-pyramid-roles} and in its description, and keeps an empty scope list (roles are not OAuth scopes);</li>
 * <li>no Java type names: {@code UUID}, {@code Instant}, {@code LocalDate} … become inline strings with formats;</li>
 * <li>every response and parameter has what validators require (a description, a header or parameter schema).</li>
 * </ul>
 * Runs at build time, after Quarkus' own filters (so it sees the requirements {@code auto-add-security-requirement}
 * derives from {@code @RolesAllowed}); the document stored at build time and the one served are the same.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = -100)
public class PyramidOpenApiFilter implements OASFilter {

    /** The name of the OpenID Connect security scheme in every document ({@code security-scheme-name}). */
    public static final String SCHEME = "oidc";
    public static final String ROLES_EXTENSION = "x-pyramid-roles";
    public static final String PROBLEM_TYPES_EXTENSION = "x-problem-types";

    /** The named problem responses, by status. */
    public static final Map<String, String> RESPONSES = new LinkedHashMap<>();
    private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        named("400", "BadRequest", "Invalid input: `validation` names each field or parameter in `errors`; "
                + "`malformed-json` for a body that cannot be read");
        named("401", "Unauthorized", "No bearer token, or an invalid or expired one (`unauthorized`)");
        named("403", "Forbidden", "The token lacks the role this operation needs (`forbidden`)");
        named("404", "NotFound", "No such resource, or one the caller may not see (`not-found`)");
        named("409", "Conflict", "Refused in the resource's current state (`illegal-transition` with "
                + "`currentState`, `dossier-exists`, `level-too-low`, `concurrent-update` …)");
        named("412", "PreconditionFailed", "`If-Match` names an outdated version (`stale-etag`): read it again");
        named("413", "PayloadTooLarge", "The request body is too large (`payload-too-large`)");
        named("415", "UnsupportedMediaType", "The body's Content-Type is not accepted (`unsupported-media-type`)");
        named("422", "Unprocessable", "Well-formed but breaks a rule (`rule-violation`), e.g. an "
                + "Idempotency-Key reused for a different request");
        named("428", "PreconditionRequired", "`If-Match` with the current ETag is required "
                + "(`precondition-required`)");
        named("429", "TooManyRequests", "The caller's rate limit at the gateway is spent (`too-many-requests`); "
                + "retry after `Retry-After` seconds");
        named("503", "ServiceUnavailable", "The service or its database is away for a moment (`unavailable`, "
                + "`upstream-unavailable`); nothing changed, retry (with the same Idempotency-Key)");
    }

    /** Java types SmallRye would name as components, and the string format each is instead. */
    static final Map<String, String> JAVA_TYPES = Map.of(
            "UUID", "uuid",
            "Instant", "date-time",
            "OffsetDateTime", "date-time",
            "ZonedDateTime", "date-time",
            "LocalDateTime", "date-time",
            "LocalDate", "date",
            "LocalTime", "time",
            "Duration", "duration",
            "URI", "uri",
            "URL", "uri");

    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    private static void named(String status, String name, String description) {
        RESPONSES.put(status, name);
        DESCRIPTIONS.put(status, description);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        addProblemComponents(components);
        inlineJavaTypes(openAPI);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> {
                if (item.getOperations() != null) {
                    item.getOperations().forEach((method, operation) -> describe(path, method, item, operation));
                }
            });
        }
        openAPI.setSecurity(null);
    }

    // --- problem components -------------------------------------------------------------------------------------

    private static void addProblemComponents(Components components) {
        StringBuilder table = new StringBuilder("An RFC 9457 problem detail (`application/problem+json`). `type` is "
                + "stable per kind of error:\n\n| type | status | meaning |\n|---|---|---|\n");
        List<Object> types = new ArrayList<>();
        for (ProblemTypes.Type type : ProblemTypes.ALL) {
            table.append("| `").append(type.slug()).append("` | ")
                    .append(type.status() == 0 ? "any" : Integer.toString(type.status())).append(" | ")
                    .append(type.meaning()).append(" |\n");
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", type.uri());
            if (type.status() != 0) {
                entry.put("status", type.status());
            }
            entry.put("meaning", type.meaning());
            types.add(entry);
        }
        table.append("\nEach `type` is `").append(Problem.TYPE_BASE).append("<kind>`.");
        Schema problem = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description(table.toString())
                .required(List.of("type", "title", "status"))
                .addProperty("type", string("uri", "the kind of problem (see the table above)")
                        .examples(List.of(Problem.TYPE_BASE + "validation")))
                .addProperty("title", string(null, "a short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .description("the HTTP status"))
                .addProperty("detail", string(null, "what went wrong this time"))
                .addProperty("instance", string("uri-reference", "the request it happened to, when given"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("the invalid fields or parameters (400 `validation`, 422 `rule-violation`)")
                        .items(OASFactory.createSchema().ref("FieldError")))
                .addProperty("currentState", string(null, "the resource's state when a transition was refused "
                        + "(409)"))
                .addExtension(PROBLEM_TYPES_EXTENSION, types);
        components.addSchema("Problem", problem);
        components.addSchema("FieldError", OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One invalid field or parameter")
                .required(List.of("field", "message"))
                .addProperty("field", string(null, "a JSON path such as `name.fr` or `studies[0].design`, or a "
                        + "parameter name such as `page`"))
                .addProperty("message", string(null, "what is wrong with it")));
        RESPONSES.forEach((status, name) -> {
            APIResponse response = OASFactory.createAPIResponse().description(DESCRIPTIONS.get(status))
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
            if (status.equals("429") || status.equals("503")) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("seconds to wait before retrying")
                        .schema(OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")));
            }
            components.addResponse(name, response);
        });
    }

    private static Schema string(String format, String description) {
        Schema schema = OASFactory.createSchema().addType(SchemaType.STRING).description(description);
        return format == null ? schema : schema.format(format);
    }

    // --- operations ---------------------------------------------------------------------------------------------

    private static void describe(String path, PathItem.HttpMethod method, PathItem item, Operation operation) {
        List<Parameter> parameters = new ArrayList<>();
        if (item.getParameters() != null) {
            parameters.addAll(item.getParameters());
        }
        if (operation.getParameters() != null) {
            parameters.addAll(operation.getParameters());
        }
        parameters.forEach(PyramidOpenApiFilter::completeParameter);

        Set<String> statuses = new TreeSet<>();
        Access access = security(operation);
        if (access != Access.PUBLIC) {
            statuses.add("401");
        }
        if (access == Access.SECURED) {
            statuses.add("403");
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (operation.getRequestBody() != null) {
            statuses.addAll(List.of("400", "413", "415", "422"));
        }
        for (Parameter parameter : parameters) {
            Parameter.In in = parameter.getIn();
            String name = parameter.getName() == null ? "" : parameter.getName().toLowerCase(Locale.ROOT);
            if (in == Parameter.In.QUERY || (in == Parameter.In.HEADER && !name.equals("if-none-match"))) {
                statuses.add("400");
            }
            if (in == Parameter.In.HEADER && name.equals("if-match")) {
                statuses.addAll(List.of("412", "428"));
            }
            if (in == Parameter.In.HEADER && name.equals("idempotency-key")) {
                statuses.add("422");
            }
        }
        if (WRITES.contains(method)) {
            statuses.add("409");
        }
        statuses.add("429");
        statuses.add("503");

        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (responses.getAPIResponses() != null) {
            // Problem responses a resource declared itself become the shared ones too.
            for (String status : new ArrayList<>(responses.getAPIResponses().keySet())) {
                if (RESPONSES.containsKey(status)) {
                    statuses.add(status);
                }
            }
        }
        for (String status : statuses) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(RESPONSES.get(status)));
        }
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, response) -> completeResponse(status, response));
        }
    }

    private enum Access {
        PUBLIC, OPTIONAL, SECURED
    }

    /**
     * Rewrites the operation's requirements to the one scheme and states who may call it: public
     * ({@code security: []}), token optional ({@code [{}, {oidc: []}]}), or secured with the roles Quarkus put in
     * the scopes.
     */
    private static Access security(Operation operation) {
        boolean anonymous = false;
        boolean secured = false;
        Set<String> roles = new LinkedHashSet<>();
        if (operation.getSecurity() != null) {
            for (SecurityRequirement requirement : operation.getSecurity()) {
                Map<String, List<String>> schemes = requirement.getSchemes();
                if (schemes == null || schemes.isEmpty()) {
                    anonymous = true;
                } else {
                    secured = true;
                    schemes.values().forEach(scopes -> {
                        if (scopes != null) {
                            roles.addAll(scopes);
                        }
                    });
                }
            }
        }
        List<SecurityRequirement> requirements = new ArrayList<>();
        String line;
        Access access;
        if (!secured) {
            access = Access.PUBLIC;
            line = "**Access:** public (no token needed).";
        } else {
            if (anonymous) {
                requirements.add(OASFactory.createSecurityRequirement());
            }
            requirements.add(OASFactory.createSecurityRequirement().addScheme(SCHEME, List.of()));
            operation.addExtension(ROLES_EXTENSION, new ArrayList<>(roles));
            String who = roles.isEmpty() ? "any signed-in caller" : "role " + String.join(" or ", roles.stream()
                    .map(role -> "`" + role + "`").toList());
            access = anonymous ? Access.OPTIONAL : Access.SECURED;
            line = anonymous ? "**Access:** public; a token (" + who + ") may see more." : "**Access:** " + who + ".";
        }
        operation.setSecurity(requirements);
        String description = operation.getDescription();
        if (description == null || !description.contains("**Access:**")) {
            operation.setDescription(description == null || description.isBlank() ? line : description + "\n\n" + line);
        }
        return access;
    }

    private static void completeParameter(Parameter parameter) {
        if (parameter.getRef() == null && parameter.getSchema() == null && parameter.getContent() == null) {
            parameter.setSchema(OASFactory.createSchema().addType(SchemaType.STRING));
        }
    }

    private static void completeResponse(String status, APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(reason(status));
        }
        if (response.getHeaders() != null) {
            for (Header header : response.getHeaders().values()) {
                if (header.getRef() == null && header.getSchema() == null && header.getContent() == null) {
                    header.setSchema(OASFactory.createSchema().addType(SchemaType.STRING));
                }
            }
        }
    }

    private static String reason(String status) {
        return switch (status) {
            case "200" -> "OK";
            case "201" -> "Created";
            case "202" -> "Accepted";
            case "204" -> "No content";
            case "303" -> "See other";
            case "304" -> "Not modified";
            default -> "Status " + status;
        };
    }

    // --- Java type names ----------------------------------------------------------------------------------------

    /** Every reference to a component named after a Java type becomes an inline string with its format. */
    private static void inlineJavaTypes(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components.getSchemas() != null) {
            JAVA_TYPES.keySet().forEach(components::removeSchema);
            components.getSchemas().values().forEach(PyramidOpenApiFilter::inline);
        }
        if (components.getParameters() != null) {
            components.getParameters().values().forEach(p -> inline(p.getSchema()));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getParameters() != null) {
                item.getParameters().forEach(p -> inline(p.getSchema()));
            }
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> {
                        inline(p.getSchema());
                        inline(p.getContent());
                    });
                }
                if (operation.getRequestBody() != null) {
                    inline(operation.getRequestBody().getContent());
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                        inline(response.getContent());
                        if (response.getHeaders() != null) {
                            response.getHeaders().values().forEach(h -> inline(h.getSchema()));
                        }
                    }
                }
            }
        }
    }

    private static void inline(Content content) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType mediaType : content.getMediaTypes().values()) {
                inline(mediaType.getSchema());
            }
        }
    }

    private static void inline(Schema schema) {
        if (schema == null) {
            return;
        }
        String ref = schema.getRef();
        if (ref != null) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            String format = JAVA_TYPES.get(name);
            if (format != null) {
                schema.setRef(null);
                schema.setType(List.of(SchemaType.STRING));
                schema.setFormat(format);
            } else {
                // The referenced schema says what it is; a type beside the $ref only repeats (or contradicts) it.
                schema.setType(null);
            }
        }
        for (Object value : schema.getAll().values()) {
            if (value instanceof Schema nested) {
                inline(nested);
            } else if (value instanceof List<?> list) {
                list.forEach(element -> {
                    if (element instanceof Schema nested) {
                        inline(nested);
                    }
                });
            } else if (value instanceof Map<?, ?> map) {
                map.values().forEach(element -> {
                    if (element instanceof Schema nested) {
                        inline(nested);
                    }
                });
            }
        }
    }
}
