package be.mhealth.pyramid.m2.api;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.m2.domain.M2Dossier;
import be.mhealth.pyramid.m2.domain.M2DossierState;
import be.mhealth.pyramid.m2.domain.TestResult;
import be.mhealth.pyramid.m2.service.M2DossierService;
import be.mhealth.pyramid.support.paging.PageParams;
import be.mhealth.pyramid.support.projection.AppCopyArrival;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;
import be.mhealth.pyramid.support.web.EntityTags;
import be.mhealth.pyramid.support.web.IdempotentWrites;
import be.mhealth.pyramid.support.web.QueryParams;

/**
 * M2 dossiers: vendors open, revise, submit and withdraw their own; test centres record results; the eHealth
 * platform (assessors or its system client) takes them into review, decides, confirms after a re-assessment and
 * revokes, and sees — with the test
 * centres — every dossier that was submitted. Calls the service only. A PUT needs {@code If-Match}; transitions check
 * it when sent. Writes accept {@code Idempotency-Key}.
 */
@Path(M2DossierResource.PATH)
@Tag(name = "M2 dossiers", description = "Interoperability dossiers, test-centre results and the eHealth review")
@Produces(MediaType.APPLICATION_JSON)
public class M2DossierResource {

    public static final String PATH = "/api/v1/m2/dossiers";
    private static final String ETAG = "The dossier's version, for If-Match";

    private final M2DossierService service;
    private final IdempotentWrites writes;
    private final Caller caller;

    M2DossierResource(M2DossierService service, IdempotentWrites writes, Caller caller) {
        this.service = service;
        this.writes = writes;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Operation(operationId = "createM2Dossier", summary = "Open a dossier (DRAFT) for an app of the caller's "
            + "organization at M1 or higher; 201 with Location and ETag",
            description = "The answers of the risk assessment determine `requiredCriteria` (see "
                    + "GET /api/v1/m2/criteria-rules). 409 `level-too-low` below M1, `dossier-exists` while another "
                    + "dossier of the app is open or approved. " + AppCopyArrival.API_NOTE)
    @APIResponse(responseCode = "201", description = "Created as DRAFT",
            headers = { @Header(name = "Location", description = "The new dossier",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = M2DossierView.class)))
    public Response create(@NotNull @Valid M2DossierRequest request,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        // The local copy of the app may trail the registry: wait for it outside any transaction (AppCopyArrival).
        service.awaitApp(request.appId());
        return writes.run(key, caller.name(), "POST " + PATH, request, () -> {
            M2Dossier d = service.open(request.appId(), request.riskAssessment());
            return Response.created(URI.create(PATH + "/" + d.id())).tag(EntityTags.of(d.version()))
                    .entity(M2DossierView.of(d)).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.EHEALTH_ASSESSOR, Roles.TEST_CENTRE })
    @Operation(operationId = "listM2Dossiers", summary = "List dossiers, newest first: a vendor's own "
            + "organization's, or every submitted one for the eHealth platform and test centres")
    public M2DossierPage list(
            @Parameter(description = "Only this app's dossiers", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("appId") String appId,
            @Parameter(description = "Only dossiers in one of these states (repeatable)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = M2DossierState.class))
            @QueryParam("state") List<String> state,
            @BeanParam PageParams paging) {
        return M2DossierPage.of(service.list(QueryParams.uuid("appId", appId),
                QueryParams.enums("state", state, M2DossierState.class), paging.request()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.VENDOR, Roles.EHEALTH_ASSESSOR, Roles.TEST_CENTRE })
    @Operation(operationId = "getM2Dossier", summary = "Read a dossier; its ETag is its version")
    @APIResponse(responseCode = "200", description = "The dossier",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = M2DossierView.class)))
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Operation(operationId = "updateM2Dossier", summary = "Replace a dossier's risk assessment while DRAFT or "
            + "INFO_REQUESTED (the required criteria are derived again); If-Match required")
    @APIResponse(responseCode = "200", description = "The revised dossier",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = M2DossierView.class)))
    public Response update(@PathParam("id") UUID id, @NotNull @Valid M2DossierRequest request,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH)
            String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "PUT " + PATH + "/" + id, request,
                () -> ok(service.revise(id, ifMatch, request.appId(), request.riskAssessment())));
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed(Roles.VENDOR)
    @Operation(operationId = "submitM2Dossier", summary = "Submit a draft (→ SUBMITTED) or answer an information "
            + "request (→ IN_REVIEW); the app must still stand at M1 or higher")
    @APIResponse(responseCode = "200", description = "The submitted dossier",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = M2DossierView.class)))
    public Response submit(@PathParam("id") UUID id,
            @Parameter(description = "The ETag last read; when sent, it must be current")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/submit", Map.of("dossierId", id),
                () -> ok(service.submit(id, ifMatch)));
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Operation(operationId = "withdrawM2Dossier", summary = "Withdraw a dossier that is not decided, with a reason")
    @APIResponse(responseCode = "200", description = "The withdrawn dossier",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = M2DossierView.class)))
    public Response withdraw(@PathParam("id") UUID id, @NotNull @Valid M2ReasonRequest request,
            @Parameter(description = "The ETag last read; when sent, it must be current")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/withdraw", new Object[] { id, request },
                () -> ok(service.withdraw(id, ifMatch, request.reason())));
    }

    @POST
    @Path("{id}/test-results")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEST_CENTRE)
    @Operation(operationId = "recordM2TestResult", summary = "Record a test centre's result for a required "
            + "criterion of a SUBMITTED or IN_REVIEW dossier; a later result supersedes the criterion's earlier one")
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", description = "The dossier's test results",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = M2TestResult.class)))
    public Response recordTestResult(@PathParam("id") UUID id, @NotNull @Valid M2TestResultRequest request,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/test-results", new Object[] { id, request },
                () -> {
                    TestResult result = service.recordTestResult(id, request.finding());
                    return Response.created(URI.create(PATH + "/" + id + "/test-results"))
                            .entity(M2TestResult.of(result)).build();
                });
    }

    @GET
    @Path("{id}/test-results")
    @RolesAllowed({ Roles.VENDOR, Roles.EHEALTH_ASSESSOR, Roles.TEST_CENTRE })
    @Operation(operationId = "listM2TestResults", summary = "Every recorded result, by criterion, oldest first; "
            + "the current ones marked")
    public M2TestResultPage testResults(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        return M2TestResultPage.of(service.testResults(id, paging.request()));
    }

    @POST
    @Path("{id}/review")
    @RolesAllowed(Roles.EHEALTH_ASSESSOR)
    @Operation(operationId = "startM2DossierReview", summary = "Take a submitted dossier into review "
            + "(SUBMITTED → IN_REVIEW); optional, a decision does it too")
    @APIResponse(responseCode = "200", description = "The dossier in review",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = M2DossierView.class)))
    public Response startReview(@PathParam("id") UUID id,
            @Parameter(description = "The ETag last read; when sent, it must be current")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/review", Map.of("dossierId", id),
                () -> ok(service.startReview(id, ifMatch)));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EHEALTH_ASSESSOR)
    @Operation(operationId = "decideM2Dossier", summary = "Decide on a submitted or in-review dossier: APPROVED "
            + "(m2.granted), REJECTED (m2.rejected) or INFO_REQUESTED",
            description = "A SUBMITTED dossier is first taken into review (both steps are in the history). APPROVED "
                    + "only when every required criterion's current result is PASS (else 409 `criteria-not-passed` "
                    + "naming each) and the app still stands at M1 or higher (else 409 `level-too-low`).")
    @APIResponse(responseCode = "200", description = "The decided dossier",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = M2DossierView.class)))
    public Response decide(@PathParam("id") UUID id, @NotNull @Valid M2DecisionRequest request,
            @Parameter(description = "The ETag last read; when sent, it must be current")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        Map<String, Object> fingerprint = new HashMap<>(Map.of("dossierId", id, "outcome", request.decision()));
        fingerprint.put("reason", request.reason());
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/decision", fingerprint,
                () -> ok(service.decide(id, ifMatch, request.decision(), request.reason())));
    }

    @POST
    @Path("{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EHEALTH_ASSESSOR)
    @Operation(operationId = "revokeM2Dossier", summary = "Revoke an active grant (APPROVED → REVOKED); "
            + "publishes m2.revoked")
    @APIResponse(responseCode = "200", description = "The revoked dossier",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = M2DossierView.class)))
    public Response revoke(@PathParam("id") UUID id, @NotNull @Valid M2ReasonRequest request,
            @Parameter(description = "The ETag last read; when sent, it must be current")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/revocation", new Object[] { id, request },
                () -> ok(service.revoke(id, ifMatch, request.reason())));
    }

    @POST
    @Path("{id}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EHEALTH_ASSESSOR)
    @Operation(operationId = "confirmM2Grant", summary = "Confirm a grant after its re-assessment (APPROVED stays "
            + "APPROVED, history CONFIRM)", description = "A version declaring a significant change for M2 (data "
                    + "flows, hosting, authentication) puts the grant in the eHealth platform's queue with a due "
                    + "date; it confirms the grant here or revokes it (revocation). 409 `no-reassessment` when none "
                    + "is pending.")
    @APIResponse(responseCode = "200", description = "The confirmed grant",
            headers = @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = M2DossierView.class)))
    public Response confirm(@PathParam("id") UUID id, @NotNull @Valid M2ReasonRequest request,
            @Parameter(description = "The ETag last read; when sent, it must be current")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/confirmation", new Object[] { id, request },
                () -> ok(service.confirm(id, ifMatch, request.reason())));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.VENDOR, Roles.EHEALTH_ASSESSOR, Roles.TEST_CENTRE })
    @Operation(operationId = "getM2DossierHistory", summary = "The dossier's transitions, oldest first: who, when, "
            + "why")
    public M2HistoryPage history(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        return M2HistoryPage.of(service.history(id, paging.request()));
    }

    private static Response ok(M2Dossier d) {
        return Response.ok(M2DossierView.of(d)).tag(EntityTags.of(d.version())).build();
    }
}
