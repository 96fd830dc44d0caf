package be.mhealth.pyramid.m1.api;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.m1.service.M1DossierService;
import be.mhealth.pyramid.support.paging.PageParams;
import be.mhealth.pyramid.support.projection.AppCopyArrival;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;
import be.mhealth.pyramid.support.web.EntityTags;
import be.mhealth.pyramid.support.web.IdempotentWrites;
import be.mhealth.pyramid.support.web.QueryParams;

/**
 * M1 dossiers: vendors open, edit, submit and withdraw their own; FAMHP (assessors or its system client) decides,
 * revokes and records an earlier expiry, and sees every dossier that was submitted. Calls the service only. A PUT
 * needs {@code If-Match}; transitions check it when sent. Writes accept {@code Idempotency-Key}.
 */
@Path(M1DossierResource.PATH)
@Tag(name = "M1 dossiers", description = "CE-marking dossiers and their FAMHP review")
@Produces(MediaType.APPLICATION_JSON)
public class M1DossierResource {

    public static final String PATH = "/api/v1/m1/dossiers";

    private final M1DossierService service;
    private final IdempotentWrites writes;
    private final Caller caller;

    M1DossierResource(M1DossierService service, IdempotentWrites writes, Caller caller) {
        this.service = service;
        this.writes = writes;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Operation(operationId = "createM1Dossier", summary = "Open a dossier (DRAFT) for an app of the caller's "
            + "organization; 201 with Location and ETag", description = AppCopyArrival.API_NOTE)
    @APIResponseSchema(value = M1DossierView.class, responseCode = "201")
    public Response create(@NotNull @Valid M1DossierRequest request,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        // The local copy of the app may trail the registry: wait for it outside any transaction (AppCopyArrival).
        service.awaitApp(request.appId());
        return writes.run(key, caller.name(), "POST " + PATH, request, () -> {
            M1Dossier d = service.open(request.appId(), request.evidence());
            return Response.created(URI.create(PATH + "/" + d.id())).tag(EntityTags.of(d.version()))
                    .entity(M1DossierView.of(d)).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.FAMHP_ASSESSOR })
    @Operation(operationId = "listM1Dossiers", summary = "List dossiers, newest first: a vendor's own "
            + "organization's, or every submitted one for FAMHP")
    public M1DossierPage list(
            @Parameter(description = "Only this app's dossiers", schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @QueryParam("appId") String appId,
            @Parameter(description = "Only dossiers in one of these states (repeatable)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = M1DossierState.class))
            @QueryParam("state") List<String> state,
            @BeanParam PageParams paging) {
        return M1DossierPage.of(service.list(QueryParams.uuid("appId", appId),
                QueryParams.enums("state", state, M1DossierState.class), paging.request()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.VENDOR, Roles.FAMHP_ASSESSOR })
    @Operation(operationId = "getM1Dossier", summary = "Read a dossier; its ETag is its version")
    @APIResponseSchema(M1DossierView.class)
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Operation(operationId = "updateM1Dossier", summary = "Replace a dossier's evidence while DRAFT or "
            + "INFO_REQUESTED; If-Match required")
    @APIResponseSchema(M1DossierView.class)
    public Response update(@PathParam("id") UUID id, @NotNull @Valid M1DossierRequest request,
            @Parameter(description = "The ETag last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH)
            String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "PUT " + PATH + "/" + id, request,
                () -> ok(service.revise(id, ifMatch, request.appId(), request.evidence())));
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed(Roles.VENDOR)
    @Operation(operationId = "submitM1Dossier", summary = "Submit a draft (→ SUBMITTED) or answer an information "
            + "request (→ IN_REVIEW); needs an unexpired certificate and a CE_CERTIFICATE attachment")
    @APIResponseSchema(M1DossierView.class)
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
    @Operation(operationId = "withdrawM1Dossier", summary = "Withdraw a dossier that is not decided, with a reason")
    @APIResponseSchema(M1DossierView.class)
    public Response withdraw(@PathParam("id") UUID id, @NotNull @Valid M1ReasonRequest request,
            @Parameter(description = "The ETag last read; when sent, it must be current")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/withdraw", new Object[] { id, request },
                () -> ok(service.withdraw(id, ifMatch, request.reason())));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FAMHP_ASSESSOR)
    @Operation(operationId = "decideM1Dossier", summary = "Decide on a submitted or in-review dossier: APPROVED "
            + "(m1.granted), REJECTED (m1.rejected) or INFO_REQUESTED")
    @APIResponseSchema(M1DossierView.class)
    public Response decide(@PathParam("id") UUID id, @NotNull @Valid M1DecisionRequest request,
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
    @RolesAllowed(Roles.FAMHP_ASSESSOR)
    @Operation(operationId = "revokeM1Dossier", summary = "Revoke an active grant (APPROVED → REVOKED); "
            + "publishes m1.revoked")
    @APIResponseSchema(M1DossierView.class)
    public Response revoke(@PathParam("id") UUID id, @NotNull @Valid M1ReasonRequest request,
            @Parameter(description = "The ETag last read; when sent, it must be current")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/revocation", new Object[] { id, request },
                () -> ok(service.revoke(id, ifMatch, request.reason())));
    }

    @POST
    @Path("{id}/expiry")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FAMHP_ASSESSOR)
    @Operation(operationId = "recordM1Expiry", summary = "Record that a grant's certificate expired earlier than "
            + "the dossier states (APPROVED → EXPIRED); publishes m1.expired",
            description = "A certificate that expires on the date on record needs no call: the expiry job expires "
                    + "it the day after.")
    @APIResponseSchema(M1DossierView.class)
    public Response recordExpiry(@PathParam("id") UUID id, @NotNull @Valid M1ExpiryRequest request,
            @Parameter(description = "The ETag last read; when sent, it must be current")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/expiry", new Object[] { id, request },
                () -> ok(service.recordEarlierExpiry(id, ifMatch, request.expiredOn(), request.reason())));
    }

    @POST
    @Path("{id}/certificate-extension")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FAMHP_ASSESSOR)
    @Operation(operationId = "extendM1Certificate", summary = "Extend the validity of a grant's certificate "
            + "(APPROVED stays APPROVED, history EXTEND); publishes m1.certificate-extended",
            description = "For a legitimate extension on a legal basis, e.g. Regulation (EU) 2023/607 for MDD "
                    + "certificates. The expiry warnings start again for the new date.")
    @APIResponseSchema(M1DossierView.class)
    public Response extend(@PathParam("id") UUID id, @NotNull @Valid M1ExtensionRequest request,
            @Parameter(description = "The ETag last read; when sent, it must be current")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/certificate-extension",
                new Object[] { id, request }, () -> ok(service.extend(id, ifMatch, request.expiresOn(),
                        request.legalBasis(), request.reason())));
    }

    @POST
    @Path("{id}/confirmation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FAMHP_ASSESSOR)
    @Operation(operationId = "confirmM1Grant", summary = "Confirm a grant after its re-assessment (APPROVED stays "
            + "APPROVED, history CONFIRM)", description = "A version declaring a significant change for M1 puts the "
                    + "grant in FAMHP's queue with a due date; FAMHP confirms it here or revokes it (revocation).")
    @APIResponseSchema(M1DossierView.class)
    public Response confirm(@PathParam("id") UUID id, @NotNull @Valid M1ReasonRequest request,
            @Parameter(description = "The ETag last read; when sent, it must be current")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/confirmation", new Object[] { id, request },
                () -> ok(service.confirm(id, ifMatch, request.reason())));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.VENDOR, Roles.FAMHP_ASSESSOR })
    @Operation(operationId = "getM1DossierHistory", summary = "The dossier's transitions, oldest first: who, when, "
            + "why")
    public M1HistoryPage history(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        return M1HistoryPage.of(service.history(id, paging.request()));
    }

    private static Response ok(M1Dossier d) {
        return Response.ok(M1DossierView.of(d)).tag(EntityTags.of(d.version())).build();
    }
}
