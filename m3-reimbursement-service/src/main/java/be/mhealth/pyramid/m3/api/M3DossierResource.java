package be.mhealth.pyramid.m3.api;

import java.net.URI;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.m3.domain.M3Dossier;
import be.mhealth.pyramid.m3.domain.M3DossierState;
import be.mhealth.pyramid.m3.service.M3DossierService;
import be.mhealth.pyramid.support.paging.PageParams;
import be.mhealth.pyramid.support.projection.AppCopyArrival;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;
import be.mhealth.pyramid.support.web.EntityTags;
import be.mhealth.pyramid.support.web.IdempotentWrites;
import be.mhealth.pyramid.support.web.QueryParams;

/**
 * M3 dossiers: vendors open, edit, submit and withdraw their own; NIHDI (assessors or its system client) takes the
 * procedure's steps and revokes, and sees every dossier that was submitted. Calls the service only. A PUT needs
 * {@code If-Match}; transitions check it when sent. Writes accept {@code Idempotency-Key}.
 */
@Path(M3DossierResource.PATH)
@Tag(name = "M3 dossiers", description = "Reimbursement dossiers and NIHDI's procedure with its statutory clocks")
@Produces(MediaType.APPLICATION_JSON)
public class M3DossierResource {

    public static final String PATH = "/api/v1/m3/dossiers";

    private final M3DossierService service;
    private final IdempotentWrites writes;
    private final Caller caller;

    M3DossierResource(M3DossierService service, IdempotentWrites writes, Caller caller) {
        this.service = service;
        this.writes = writes;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Operation(operationId = "createM3Dossier", summary = "Open a dossier (DRAFT) for an app of the caller's "
            + "organization at effective level M2 or higher; 201 with Location and ETag",
            description = AppCopyArrival.API_NOTE)
    @APIResponseSchema(value = M3DossierView.class, responseCode = "201")
    public Response create(
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = M3DossierRequest.class),
                    examples = @ExampleObject(name = "heart failure", value = M3DossierRequest.EXAMPLE)))
            @NotNull @Valid M3DossierRequest request,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        // The local copy of the app may trail the registry: wait for it outside any transaction (AppCopyArrival).
        service.awaitApp(request.appId());
        return writes.run(key, caller.name(), "POST " + PATH, request, () -> {
            M3Dossier d = service.open(request.appId(), request.evidence());
            return Response.created(URI.create(PATH + "/" + d.id())).tag(EntityTags.of(d.version()))
                    .entity(view(d)).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.NIHDI_ASSESSOR })
    @Operation(operationId = "listM3Dossiers", summary = "List dossiers, newest first: a vendor's own "
            + "organization's, or every submitted one for NIHDI")
    public M3DossierPage list(
            @Parameter(description = "Only this app's dossiers", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("appId") String appId,
            @Parameter(description = "Only dossiers in one of these states (repeatable)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = M3DossierState.class))
            @QueryParam("state") List<String> state,
            @BeanParam PageParams paging) {
        return M3DossierPage.of(service.list(QueryParams.uuid("appId", appId),
                QueryParams.enums("state", state, M3DossierState.class), paging.request()), service.now().today());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.VENDOR, Roles.NIHDI_ASSESSOR })
    @Operation(operationId = "getM3Dossier", summary = "Read a dossier with its running step, due date and days "
            + "left; its ETag is its version")
    @APIResponseSchema(M3DossierView.class)
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Operation(operationId = "updateM3Dossier", summary = "Replace a dossier's evidence while DRAFT or "
            + "CLARIFICATION_REQUESTED; If-Match required")
    @APIResponseSchema(M3DossierView.class)
    public Response update(@PathParam("id") UUID id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = M3DossierRequest.class),
                    examples = @ExampleObject(name = "heart failure", value = M3DossierRequest.EXAMPLE)))
            @NotNull @Valid M3DossierRequest request,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH)
            String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "PUT " + PATH + "/" + id, request,
                () -> ok(service.revise(id, ifMatch, request.appId(), request.evidence())));
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed(Roles.VENDOR)
    @Operation(operationId = "submitM3Dossier", summary = "Submit a draft (→ SUBMITTED, the 30-day admissibility "
            + "clock starts; the app must still stand at M2) or answer a clarification request (→ IN_EVALUATION, the "
            + "evaluation clock resumes)")
    @APIResponseSchema(M3DossierView.class)
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
    @Operation(operationId = "withdrawM3Dossier", summary = "Withdraw a dossier NIHDI has not decided, with a reason")
    @APIResponseSchema(M3DossierView.class)
    public Response withdraw(@PathParam("id") UUID id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = M3ReasonRequest.class),
                    examples = @ExampleObject(name = "withdrawal", value = M3ReasonRequest.WITHDRAWAL_EXAMPLE)))
            @NotNull @Valid M3ReasonRequest request,
            @Parameter(description = "The ETag last read; when sent, it must be current")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/withdraw", new Object[] { id, request },
                () -> ok(service.withdraw(id, ifMatch, request.reason())));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NIHDI_ASSESSOR)
    @Operation(operationId = "decideM3Dossier", summary = "Take NIHDI's next step: ADMISSIBLE or INADMISSIBLE (a "
            + "submitted dossier); EXTENSION, CLARIFICATION_REQUESTED, APPROVED_TEMPORARY (m3.granted), "
            + "APPROVED_DEFINITIVE (m3.granted, also after a temporary one) or DECLINED (m3.declined)",
            description = "An approval needs the app to still stand at M2 or higher (409 level-too-low otherwise).")
    @APIResponseSchema(M3DossierView.class)
    public Response decide(@PathParam("id") UUID id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = M3DecisionRequest.class),
                    examples = @ExampleObject(name = "temporary approval", value = M3DecisionRequest.EXAMPLE)))
            @NotNull @Valid M3DecisionRequest request,
            @Parameter(description = "The ETag last read; when sent, it must be current")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        // the outcome is the request's type: named in the fingerprint, so that a key reused for another step is refused
        Map<String, Object> fingerprint = Map.of("dossierId", id, "outcome", request.getClass().getSimpleName(),
                "request", request);
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/decision", fingerprint,
                () -> ok(service.decide(id, ifMatch, request.decision())));
    }

    @POST
    @Path("{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NIHDI_ASSESSOR)
    @Operation(operationId = "revokeM3Dossier", summary = "End an approved reimbursement today (APPROVED_TEMPORARY "
            + "or APPROVED_DEFINITIVE → ENDED); publishes m3.ended")
    @APIResponseSchema(M3DossierView.class)
    public Response revoke(@PathParam("id") UUID id,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = M3ReasonRequest.class),
                    examples = @ExampleObject(name = "revocation", value = M3ReasonRequest.REVOCATION_EXAMPLE)))
            @NotNull @Valid M3ReasonRequest request,
            @Parameter(description = "The ETag last read; when sent, it must be current")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/revocation", new Object[] { id, request },
                () -> ok(service.revoke(id, ifMatch, request.reason())));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.VENDOR, Roles.NIHDI_ASSESSOR })
    @Operation(operationId = "getM3DossierHistory", summary = "The dossier's transitions, oldest first: who, when, "
            + "why")
    public M3HistoryPage history(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        return M3HistoryPage.of(service.history(id, paging.request()));
    }

    private Response ok(M3Dossier d) {
        return Response.ok(view(d)).tag(EntityTags.of(d.version())).build();
    }

    private M3DossierView view(M3Dossier d) {
        return M3DossierView.of(d, service.now().today());
    }
}
