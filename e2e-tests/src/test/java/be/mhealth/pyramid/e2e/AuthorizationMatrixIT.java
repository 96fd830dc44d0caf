package be.mhealth.pyramid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 19: every operation of the gateway's merged OpenAPI document × every kind of caller, against the running
 * platform through the gateway with real tokens, checked against the readable table
 * {@code src/test/resources/authorization-matrix.md}. An operation missing from the table (a new route) fails the
 * test, as does a row whose operation no longer exists.
 *
 * <p>A cell is {@code 401}, {@code 403} or {@code 404} (the caller is turned away), or {@code ok}: for a read, a 2xx
 * answer; for a write, any answer below 500 other than 401/403/404 — the caller passed authorization (a valid body
 * usually gets 2xx; a later caller of the same write may meet 409 because an earlier one already changed the
 * record). The records belong to {@code alice}'s organization ({@code owner}); {@code bob} is a vendor of another
 * organization. Each write runs on fresh records, the callers expected to be turned away first. A caller turned
 * away from a record never receives its content (its distinctive texts are checked to be absent).
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixIT {

    static final String TABLE = "/authorization-matrix.md";

    /** The callers, in the table's column order. */
    enum Caller {
        ANONYMOUS("anonymous", null, false),
        OWNER("owner", "alice", false),
        OTHER_VENDOR("other vendor", "bob", false),
        FIONA("fiona", "fiona", false),
        ERIC("eric", "eric", false),
        TESS("tess", "tess", false),
        NINA("nina", "nina", false),
        ADA("ada", "ada", false),
        FAMHP_SYSTEM("famhp-system", "famhp-system", true),
        EHEALTH_SYSTEM("ehealth-system", "ehealth-system", true),
        TEST_CENTRE_SYSTEM("test-centre-system", "test-centre-system", true),
        NIHDI_SYSTEM("nihdi-system", "nihdi-system", true),
        OPERATIONS("platform-operations", "platform-operations", true),
        PORTAL("pyramid-portal", "pyramid-portal", true);

        final String column;
        final String principal;
        final boolean client;

        Caller(String column, String principal, boolean client) {
            this.column = column;
            this.principal = principal;
            this.client = client;
        }

        RequestSpecification request(PyramidClient pyramid) {
            if (principal == null) {
                return pyramid.anonymous();
            }
            return client ? pyramid.asSystem(principal) : pyramid.as(principal);
        }
    }

    /** One operation of the document (a row may add a variant in brackets: the record it is tried on). */
    record Operation(String method, String path, String operationId) {
        String key() {
            return method + " " + path;
        }

        boolean isRead() {
            return method.equals("GET") || method.equals("HEAD");
        }
    }

    /** What a row sends: path parameters, a body (JSON or multipart), headers. */
    record Target(Map<String, String> pathParams, Object body, boolean multipart, Map<String, String> headers) {
        static Target of(Map<String, String> pathParams) {
            return new Target(pathParams, null, false, Map.of());
        }

        Target withBody(Object body) {
            return new Target(pathParams, body, false, headers);
        }

        Target withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Target(pathParams, body, multipart, h);
        }

        Target asMultipart() {
            return new Target(pathParams, body, true, headers);
        }
    }

    static PyramidClient client;
    static ClimbSteps steps;
    static Map<String, Operation> operations;
    static Map<String, Map<Caller, String>> expected;
    static World world;

    @BeforeAll
    static void connect() throws IOException {
        Platform platform = SharedPlatform.platform();
        client = new PyramidClient(platform.gatewayUrl(), platform.realmUrl());
        steps = new ClimbSteps(client);
        operations = operationsOfTheMergedDocument();
        expected = readTable();
    }

    @Test
    @Order(1)
    void theTableNamesEveryOperationOfTheMergedDocumentAndNoOther() {
        List<String> missing = operations.keySet().stream().filter(k -> !expected.containsKey(k)).toList();
        List<String> stale = expected.keySet().stream().map(AuthorizationMatrixIT::operationOf)
                .filter(k -> !operations.containsKey(k)).distinct().toList();
        assertThat(missing).as("operations without a row in %s", TABLE).isEmpty();
        assertThat(stale).as("rows of %s naming no operation of the merged document", TABLE).isEmpty();
    }

    @Test
    @Order(2)
    void everyCellHoldsOnTheRunningPlatform() throws IOException {
        world = World.build();
        Map<String, Map<Caller, String>> actual = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Map<Caller, String>> row : expected.entrySet()) {
            Operation operation = operations.get(operationOf(row.getKey()));
            if (operation == null) {
                continue;
            }
            Map<Caller, String> cells = new EnumMap<>(Caller.class);
            Target target = targetFor(operation, variantOf(row.getKey()));
            // Callers expected to be turned away first, so that an allowed write cannot hide a denial.
            List<Caller> order = new ArrayList<>(List.of(Caller.values()));
            order.sort((a, b) -> Boolean.compare("ok".equals(row.getValue().get(a)), "ok".equals(row.getValue().get(b))));
            for (Caller caller : order) {
                if (operation.method().equals("DELETE") && "ok".equals(row.getValue().get(caller))) {
                    // each caller allowed to delete deletes a record of its own trial
                    target = targetFor(operation, variantOf(row.getKey()));
                }
                Response response = send(caller, operation, target);
                String cell = category(operation, response.statusCode());
                cells.put(caller, cell);
                if (!cell.equals(row.getValue().get(caller))) {
                    mismatches.add(row.getKey() + " as " + caller.column + ": expected " + row.getValue().get(caller)
                            + ", got " + response.statusCode() + " " + abbreviate(response.asString()));
                }
                if (cell.matches("40[134]")) {
                    for (String secret : world.secrets()) {
                        if (response.asString().contains(secret)) {
                            mismatches.add(row.getKey() + " as " + caller.column + ": turned away (" + cell
                                    + ") but the response carries the record (" + secret + ")");
                        }
                    }
                }
            }
            actual.put(row.getKey(), cells);
        }
        Path report = Path.of("target", "authorization-matrix.actual.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, render(actual), StandardCharsets.UTF_8);
        assertThat(mismatches).as("cells that differ from %s (the observed table is in %s)", TABLE, report)
                .isEmpty();
    }

    // ---- the document and the table ----

    static Map<String, Operation> operationsOfTheMergedDocument() {
        JsonPath document = client.anonymous().get("/q/openapi?format=json").then().statusCode(200).extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        Map<String, Operation> found = new TreeMap<>();
        paths.forEach((path, methods) -> methods.forEach((method, op) -> {
            if (List.of("get", "put", "post", "delete", "patch").contains(method)) {
                Operation operation = new Operation(method.toUpperCase(), path, (String) op.get("operationId"));
                found.put(operation.key(), operation);
            }
        }));
        return found;
    }

    /** The table: {@code | METHOD path [variant] | operationId | cell per caller |}. */
    static Map<String, Map<Caller, String>> readTable() throws IOException {
        Map<String, Map<Caller, String>> rows = new LinkedHashMap<>();
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("| `")) {
                    continue;
                }
                String[] cells = line.split("\\|");
                String key = cells[1].trim().replace("`", "");
                Map<Caller, String> row = new EnumMap<>(Caller.class);
                for (Caller caller : Caller.values()) {
                    row.put(caller, cells[3 + caller.ordinal()].trim());
                }
                assertThat(rows.put(key, row)).as("row %s is in the table once", key).isNull();
            }
        }
        return rows;
    }

    static String render(Map<String, Map<Caller, String>> rows) {
        StringBuilder table = new StringBuilder("| operation | operationId |");
        for (Caller caller : Caller.values()) {
            table.append(' ').append(caller.column).append(" |");
        }
        table.append("\n|---|---|").append("---|".repeat(Caller.values().length)).append('\n');
        rows.forEach((key, cells) -> {
            Operation operation = operations.get(operationOf(key));
            table.append("| `").append(key).append("` | ").append(operation.operationId()).append(" |");
            for (Caller caller : Caller.values()) {
                table.append(' ').append(cells.get(caller)).append(" |");
            }
            table.append('\n');
        });
        return table.toString();
    }

    static String operationOf(String rowKey) {
        int bracket = rowKey.indexOf(" [");
        return bracket < 0 ? rowKey : rowKey.substring(0, bracket);
    }

    static String variantOf(String rowKey) {
        int bracket = rowKey.indexOf(" [");
        return bracket < 0 ? null : rowKey.substring(bracket + 2, rowKey.length() - 1);
    }

    static String category(Operation operation, int status) {
        if (status == 401 || status == 403 || status == 404) {
            return Integer.toString(status);
        }
        if (operation.isRead()) {
            return status >= 200 && status < 300 ? "ok" : "status " + status;
        }
        return status < 500 ? "ok" : "status " + status;
    }

    static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }

    static Response send(Caller caller, Operation operation, Target target) {
        RequestSpecification request = caller.request(client).urlEncodingEnabled(true);
        target.headers().forEach(request::header);
        if (target.multipart()) {
            request.contentType("multipart/form-data").multiPart("kind", "CE_CERTIFICATE")
                    .multiPart("file", "ce-certificate.pdf", ClimbSteps.PDF, "application/pdf");
        } else if (target.body() != null) {
            request.body(target.body());
        }
        String path = operation.path();
        for (Map.Entry<String, String> param : target.pathParams().entrySet()) {
            path = path.replace("{" + param.getKey() + "}", param.getValue());
        }
        return request.request(operation.method(), path);
    }

    // ---- the records each row is tried on ----

    /**
     * The shared records, all of alice's organization: a listed app at M2 with its M1 grant (and its CE certificate
     * attachment), its M2 grant, a submitted M3 dossier and a declared version; a never-listed app with an M1 draft;
     * a webhook subscription.
     */
    record World(UUID app, UUID version, UUID m1, UUID attachment, UUID m2, UUID m3, UUID draftApp, UUID m1Draft,
            UUID draftAttachment, UUID webhook, String name, String certificate) {

        static World build() {
            String name = "Matrix" + UUID.randomUUID().toString().substring(0, 8);
            UUID app = listedApp(name);
            UUID m1 = latestDossier("m1", app);
            UUID attachment = firstAttachment(m1);
            ClimbSteps.M2Dossier m2 = m2Submitted(app);
            grantM2(m2);
            UUID m3 = retry(() -> steps.submitM3("alice", app));
            UUID version = steps.declareVersion("alice", app, "2.0.0", List.of(), null);
            String draftName = "MatrixDraft" + UUID.randomUUID().toString().substring(0, 8);
            UUID draftApp = steps.registerApp("alice", PyramidClimbIT.listing(draftName), null);
            UUID m1Draft = openM1Draft(draftApp);
            UUID draftAttachment = attach(m1Draft);
            UUID webhook = UUID.fromString(client.as("alice").body(Map.of("url", "http://127.0.0.1:9/matrix",
                    "events", List.of(client.as("alice").get("/api/v1/webhooks/event-types").then().statusCode(200)
                            .extract().jsonPath().getList("items.type", String.class).get(0)),
                    "description", "matrix " + name))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id"));
            String certificate = client.as("alice").get("/api/v1/m1/dossiers/" + m1).then().statusCode(200)
                    .extract().path("certificate.number");
            return new World(app, version, m1, attachment, m2.id(), m3, draftApp, m1Draft, draftAttachment, webhook,
                    name, certificate);
        }

        /** Texts that only someone allowed to read the records may receive. */
        List<String> secrets() {
            return List.of("matrix " + name, "MatrixDraft", certificate);
        }
    }

    static Target targetFor(Operation operation, String variant) {
        String key = operation.key();
        if (operation.isRead()) {
            return Target.of(readParams(operation.path(), "draft".equals(variant)));
        }
        return switch (key) {
            case "POST /api/v1/apps" -> Target.of(Map.of()).withBody(
                    PyramidClimbIT.listing("MatrixNew" + UUID.randomUUID().toString().substring(0, 8)));
            case "PUT /api/v1/apps/{id}" -> {
                UUID app = draftApp();
                yield Target.of(Map.of("id", app.toString())).withHeader("If-Match", "\"0\"")
                        .withBody(PyramidClimbIT.listing("MatrixEdit" + app.toString().substring(0, 8)));
            }
            case "POST /api/v1/apps/{id}/versions" -> Target.of(Map.of("id", draftApp().toString())).withBody(
                    Map.of("version", "1.1.0", "releasedOn", LocalDate.now().toString(), "releaseNotes",
                            Map.of("nl", "Sneller.", "fr", "Plus rapide.", "en", "Faster."),
                            "significantChanges", List.of()));
            case "POST /api/v1/apps/{id}/market-withdrawal" -> Target.of(Map.of("id", draftApp().toString()))
                    .withBody(Map.of("reasonCategory", "DISCONTINUED", "reason", "matrix"));
            case "POST /api/v1/m1/dossiers" -> Target.of(Map.of())
                    .withBody(ClimbSteps.m1Dossier(draftApp(), "IIa", LocalDate.now().plusYears(3)));
            case "PUT /api/v1/m1/dossiers/{id}" -> {
                UUID app = draftApp();
                yield Target.of(Map.of("id", openM1Draft(app).toString())).withHeader("If-Match", "\"0\"")
                        .withBody(ClimbSteps.m1Dossier(app, "IIa", LocalDate.now().plusYears(2)));
            }
            case "POST /api/v1/m1/dossiers/{id}/attachments" ->
                Target.of(Map.of("id", openM1Draft(draftApp()).toString())).asMultipart();
            case "POST /api/v1/m1/dossiers/{id}/submit" -> {
                UUID dossier = openM1Draft(draftApp());
                attach(dossier);
                yield Target.of(Map.of("id", dossier.toString()));
            }
            case "POST /api/v1/m1/dossiers/{id}/withdraw" -> Target.of(Map.of("id", openM1Draft(draftApp()).toString()))
                    .withBody(Map.of("reason", "matrix"));
            case "POST /api/v1/m1/dossiers/{id}/decision" -> Target.of(Map.of("id", steps.submitM1("alice",
                    draftApp(), "IIa", LocalDate.now().plusYears(3)).toString())).withBody(Map.of("outcome", "APPROVED"));
            case "POST /api/v1/m1/dossiers/{id}/revocation", "POST /api/v1/m1/dossiers/{id}/confirmation" ->
                Target.of(Map.of("id", m1Granted().toString())).withBody(Map.of("reason", "matrix"));
            case "POST /api/v1/m1/dossiers/{id}/expiry" -> Target.of(Map.of("id", m1Granted().toString()))
                    .withBody(Map.of("expiredOn", LocalDate.now().minusDays(1).toString(), "reason", "matrix"));
            case "POST /api/v1/m1/dossiers/{id}/certificate-extension" -> Target.of(Map.of("id",
                    m1Granted().toString())).withBody(Map.of("expiresOn", LocalDate.now().plusYears(4).toString(),
                            "legalBasis", "Regulation (EU) 2023/607", "reason", "matrix"));
            case "POST /api/v1/m2/dossiers" -> Target.of(Map.of()).withBody(Map.of("appId",
                    appAtM1().toString(), "riskAssessment", ClimbSteps.riskAssessment(true)));
            case "PUT /api/v1/m2/dossiers/{id}" -> {
                UUID app = appAtM1();
                yield Target.of(Map.of("id", m2Draft(app).toString())).withHeader("If-Match", "\"0\"")
                        .withBody(Map.of("appId", app.toString(), "riskAssessment", ClimbSteps.riskAssessment(false)));
            }
            case "POST /api/v1/m2/dossiers/{id}/submit" -> Target.of(Map.of("id", m2Draft(appAtM1()).toString()));
            case "POST /api/v1/m2/dossiers/{id}/withdraw" -> Target.of(Map.of("id", m2Draft(appAtM1()).toString()))
                    .withBody(Map.of("reason", "matrix"));
            case "POST /api/v1/m2/dossiers/{id}/test-results" -> {
                ClimbSteps.M2Dossier m2 = m2Submitted(appAtM1());
                yield Target.of(Map.of("id", m2.id().toString())).withBody(Map.of("criterion",
                        m2.requiredCriteria().get(0), "result", "PASS", "testCentre", "Belgian mHealth Test Centre",
                        "testedOn", LocalDate.now().toString(), "reportReference", "BTC-MATRIX"));
            }
            case "POST /api/v1/m2/dossiers/{id}/review" -> Target.of(Map.of("id",
                    m2Submitted(appAtM1()).id().toString()));
            case "POST /api/v1/m2/dossiers/{id}/decision" -> Target.of(Map.of("id",
                    m2Submitted(appAtM1()).id().toString())).withBody(Map.of("outcome", "REJECTED", "reason", "matrix"));
            case "POST /api/v1/m2/dossiers/{id}/confirmation" -> {
                ClimbSteps.M2Dossier m2 = m2Submitted(appAtM1());
                grantM2(m2);
                yield Target.of(Map.of("id", m2.id().toString())).withBody(Map.of("reason", "matrix"));
            }
            case "POST /api/v1/m2/dossiers/{id}/revocation" -> {
                ClimbSteps.M2Dossier m2 = m2Submitted(appAtM1());
                grantM2(m2);
                yield Target.of(Map.of("id", m2.id().toString())).withBody(Map.of("reason", "matrix"));
            }
            case "POST /api/v1/m3/dossiers" -> Target.of(Map.of()).withBody(ClimbSteps.m3Request(appAtM2()));
            case "PUT /api/v1/m3/dossiers/{id}" -> {
                UUID app = appAtM2();
                yield Target.of(Map.of("id", m3Draft(app).toString())).withHeader("If-Match", "\"0\"")
                        .withBody(ClimbSteps.m3Request(app));
            }
            case "POST /api/v1/m3/dossiers/{id}/submit" -> Target.of(Map.of("id", m3Draft(appAtM2()).toString()));
            case "POST /api/v1/m3/dossiers/{id}/withdraw" -> Target.of(Map.of("id", m3Draft(appAtM2()).toString()))
                    .withBody(Map.of("reason", "matrix"));
            case "POST /api/v1/m3/dossiers/{id}/decision" -> Target.of(Map.of("id",
                    retry(() -> steps.submitM3("alice", appAtM2())).toString()))
                    .withBody(Map.of("outcome", "INADMISSIBLE", "reason", "matrix"));
            case "POST /api/v1/m3/dossiers/{id}/revocation" -> Target.of(Map.of("id",
                    retry(() -> steps.submitM3("alice", appAtM2())).toString())).withBody(Map.of("reason", "matrix"));
            case "POST /api/v1/webhooks" -> Target.of(Map.of()).withBody(Map.of("url", "http://127.0.0.1:9/new",
                    "events", List.of("registry.app.level-changed"), "description", "matrix"));
            case "PUT /api/v1/webhooks/{id}" -> Target.of(Map.of("id", newWebhook().toString()))
                    .withHeader("If-Match", "\"0\"").withBody(Map.of("url", "http://127.0.0.1:9/edited",
                            "events", List.of("registry.app.level-changed"),
                            "description", "matrix"));
            case "DELETE /api/v1/webhooks/{id}", "POST /api/v1/webhooks/{id}/pause",
                    "POST /api/v1/webhooks/{id}/resume", "POST /api/v1/webhooks/{id}/test" ->
                Target.of(Map.of("id", newWebhook().toString()));
            case "POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay" -> Target.of(Map.of("id",
                    newWebhook().toString(), "deliveryId", UUID.randomUUID().toString()));
            default -> {
                if (key.matches("POST /api/v1/admin/[a-z0-9]+/parked-events/\\{id}/(retry|discard)")) {
                    yield Target.of(Map.of("id", "987654321"));
                }
                throw new IllegalStateException("no records for " + key + ": add them to AuthorizationMatrixIT");
            }
        };
    }

    static Map<String, String> readParams(String path, boolean draft) {
        Map<String, String> params = new LinkedHashMap<>();
        if (path.startsWith("/api/v1/apps/{id}") || path.startsWith("/fhir/r4/DeviceDefinition/{id}")
                || path.startsWith("/fhir/r4/ChargeItemDefinition/{id}")) {
            params.put("id", (draft ? world.draftApp() : world.app()).toString());
            params.put("versionId", world.version().toString());
        } else if (path.startsWith("/api/v1/m1/dossiers/{id}")) {
            params.put("id", (draft ? world.m1Draft() : world.m1()).toString());
            params.put("attachmentId", (draft ? world.draftAttachment() : world.attachment()).toString());
        } else if (path.startsWith("/api/v1/m2/dossiers/{id}")) {
            params.put("id", world.m2().toString());
        } else if (path.startsWith("/api/v1/m3/dossiers/{id}")) {
            params.put("id", world.m3().toString());
        } else if (path.startsWith("/api/v1/webhooks/{id}")) {
            params.put("id", world.webhook().toString());
            params.put("deliveryId", UUID.randomUUID().toString());
        } else if (path.contains("/parked-events/{id}")) {
            params.put("id", "987654321");
        }
        return params;
    }

    // ---- fresh records for writes (alice's organization) ----

    static UUID draftApp() {
        return steps.registerApp("alice", PyramidClimbIT.listing("MatrixW" + UUID.randomUUID().toString()
                .substring(0, 8)), null);
    }

    static UUID listedApp(String name) {
        UUID app = steps.registerApp("alice", PyramidClimbIT.listing(name), null);
        UUID m1 = retry(() -> steps.submitM1("alice", app, "IIa", LocalDate.now().plusYears(3)));
        steps.decideM1(client.as("fiona"), m1, "APPROVED", null);
        awaitLevel(app, "M1");
        return app;
    }

    static UUID appAtM1() {
        return listedApp("MatrixM1" + UUID.randomUUID().toString().substring(0, 8));
    }

    static UUID appAtM2() {
        UUID app = appAtM1();
        grantM2(m2Submitted(app));
        awaitLevel(app, "M2");
        return app;
    }

    static UUID m1Granted() {
        return latestDossier("m1", appAtM1());
    }

    static UUID openM1Draft(UUID app) {
        return retry(() -> UUID.fromString(client.as("alice").body(ClimbSteps.m1Dossier(app, "IIa",
                LocalDate.now().plusYears(3))).post("/api/v1/m1/dossiers").then().statusCode(201).extract().path("id")));
    }

    static UUID attach(UUID m1Dossier) {
        return UUID.fromString(client.as("alice").contentType("multipart/form-data")
                .multiPart("kind", "CE_CERTIFICATE")
                .multiPart("file", "ce-certificate.pdf", ClimbSteps.PDF, "application/pdf")
                .post("/api/v1/m1/dossiers/" + m1Dossier + "/attachments").then().statusCode(201).extract()
                .path("id"));
    }

    static UUID firstAttachment(UUID m1Dossier) {
        return UUID.fromString(client.as("alice").get("/api/v1/m1/dossiers/" + m1Dossier + "/attachments").then()
                .statusCode(200).extract().jsonPath().getString("items[0].id"));
    }

    static UUID m2Draft(UUID app) {
        return retry(() -> UUID.fromString(client.as("alice").body(Map.of("appId", app.toString(), "riskAssessment",
                ClimbSteps.riskAssessment(true))).post("/api/v1/m2/dossiers").then().statusCode(201).extract()
                .path("id")));
    }

    static ClimbSteps.M2Dossier m2Submitted(UUID app) {
        return retry(() -> steps.submitM2("alice", app, ClimbSteps.riskAssessment(true)));
    }

    static void grantM2(ClimbSteps.M2Dossier m2) {
        for (String criterion : m2.requiredCriteria()) {
            steps.recordTestResult(client.as("tess"), m2.id(), criterion, "PASS");
        }
        steps.decideM2(client.as("eric"), m2.id(), "APPROVED", null);
    }

    static UUID m3Draft(UUID app) {
        return retry(() -> UUID.fromString(client.as("alice").body(ClimbSteps.m3Request(app))
                .post("/api/v1/m3/dossiers").then().statusCode(201).extract().path("id")));
    }

    static UUID newWebhook() {
        return UUID.fromString(client.as("alice").body(Map.of("url", "http://127.0.0.1:9/w",
                "events", List.of("registry.app.level-changed"), "description", "matrix"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id"));
    }

    static UUID latestDossier(String level, UUID app) {
        return UUID.fromString(client.as("alice").queryParam("appId", app.toString())
                .get("/api/v1/" + level + "/dossiers").then().statusCode(200).extract().jsonPath()
                .getString("items[0].id"));
    }

    static void awaitLevel(UUID app, String level) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(client.anonymous().get("/api/v1/apps/" + app).then().extract()
                        .jsonPath().getString("level")).isEqualTo(level));
    }

    /** A step that needs an event to have reached another service first (the app copy): retried for a while. */
    static <T> T retry(Supplier<T> step) {
        List<T> result = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .untilAsserted(() -> result.add(step.get()));
        return result.get(0);
    }
}
