package be.mhealth.pyramid.m3.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.m3.domain.DossierState;
import be.mhealth.pyramid.m3.domain.ReimbursementDossier;
import be.mhealth.pyramid.m3.service.DossierService;
import be.mhealth.pyramid.m3.service.Page;
import be.mhealth.pyramid.support.problem.Problem;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;
import be.mhealth.pyramid.support.web.EntityTags;
import be.mhealth.pyramid.support.web.IdempotentWrites;

@Path(DossierResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG, description = "NIHDI reimbursement dossiers (M3) and their procedure")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "no or invalid token",
        content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "the caller's role does not allow this",
        content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
public class DossierResource {

    static final String PATH = "/api/v1/m3/dossiers";
    private static final String STATES = "DRAFT|SUBMITTED|IN_EVALUATION|CLARIFICATION_REQUESTED|INADMISSIBLE"
            + "|APPROVED_TEMPORARY|APPROVED_DEFINITIVE|DECLINED|WITHDRAWN|ENDED";
    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final DossierService service;
    private final IdempotentWrites writes;
    private final Caller caller;

    DossierResource(DossierService service, IdempotentWrites writes, Caller caller) {
        this.service = service;
        this.writes = writes;
        this.caller = caller;
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Transactional
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "Open a reimbursement dossier (DRAFT)",
            description = "For the vendor's own app at effective level M2 or higher.")
    @APIResponse(responseCode = "201", description = "created; Location and ETag headers",
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", description = "invalid request, naming the field",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such app of the caller's organization",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the app's effective level is below M2",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "a business rule is broken (care pathway languages)",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(IdempotentWrites.HEADER) String key,
            @Valid @NotNull CreateDossierRequest request) {
        String organization = caller.requireOrganization();
        return writes.run(key, caller.name(), "POST " + PATH, request, () -> {
            ReimbursementDossier dossier = service.create(request.appId(), request.toDomain(), organization,
                    caller.name());
            return Response.created(URI.create(PATH + "/" + dossier.id()))
                    .tag(EntityTags.of(dossier.version()))
                    .entity(view(dossier)).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.NIHDI_ASSESSOR })
    @Operation(summary = "List dossiers",
            description = "A vendor sees its organization's dossiers; NIHDI sees every submitted dossier.")
    @APIResponse(responseCode = "200", description = "one page, newest first")
    @APIResponse(responseCode = "400", description = "invalid paging or state",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PageView<DossierView> list(
            @Parameter(description = "only dossiers in this state") @QueryParam("state")
            @Pattern(regexp = STATES, message = "must be a dossier state") String state,
            @Parameter(description = "only dossiers of this app (a UUID)") @QueryParam("appId")
            @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String appId,
            @Parameter(description = "zero-based page") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "page size, at most 100") @QueryParam("size") @DefaultValue("20") @Min(1)
            @Max(100) int size) {
        DossierState filter = state == null ? null : DossierState.valueOf(state);
        UUID app = appId == null ? null : UUID.fromString(appId);
        Page<ReimbursementDossier> found = caller.hasRole(Roles.NIHDI_ASSESSOR)
                ? service.listSubmitted(filter, app, page, size)
                : service.listOfOrganization(caller.requireOrganization(), filter, app, page, size);
        var today = service.now().today();
        return new PageView<>(found.items().stream().map(d -> DossierView.of(d, today)).toList(), page, size,
                found.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.VENDOR, Roles.NIHDI_ASSESSOR })
    @Operation(summary = "Read a dossier",
            description = "With the running step's due date (clock stops included), overdue flag and days left.")
    @APIResponse(responseCode = "200", description = "the dossier; ETag header",
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "404", description = "no such dossier visible to the caller",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        ReimbursementDossier dossier = visible(id);
        return Response.ok(view(dossier)).tag(EntityTags.of(dossier.version())).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.VENDOR, Roles.NIHDI_ASSESSOR })
    @Operation(summary = "A dossier's history", description = "Every step with who, when and why; oldest first.")
    @APIResponse(responseCode = "200", description = "one page of the history")
    @APIResponse(responseCode = "404", description = "no such dossier visible to the caller",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PageView<TransitionView> history(@PathParam("id") UUID id,
            @Parameter(description = "zero-based page") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "page size, at most 100") @QueryParam("size") @DefaultValue("50") @Min(1)
            @Max(100) int size) {
        var found = service.history(visible(id), page, size);
        return new PageView<>(found.items().stream().map(TransitionView::of).toList(), page, size, found.total());
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @PUT
    @Path("{id}")
    @Transactional
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "Update a dossier",
            description = "Replaces the content while the dossier is DRAFT or CLARIFICATION_REQUESTED.")
    @APIResponse(responseCode = "200", description = "updated; new ETag",
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", description = "invalid request, naming the field",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such dossier of the caller's organization",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the dossier's state does not allow edits",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "a business rule is broken",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id,
            @Parameter(description = "the dossier's ETag (required)") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(IdempotentWrites.HEADER) String key,
            @Valid @NotNull UpdateDossierRequest request) {
        String organization = caller.requireOrganization();
        return writes.run(key, caller.name(), "PUT " + PATH + "/" + id, request, () -> ok(
                service.update(id, organization, ifMatch, request.toDomain(), caller.name())));
    }

    @POST
    @Path("{id}/submit")
    @Transactional
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "Submit a dossier, or answer a clarification request",
            description = "DRAFT → SUBMITTED starts the 30-day admissibility clock; CLARIFICATION_REQUESTED → "
                    + "IN_EVALUATION restarts the stopped evaluation clock.")
    @APIResponse(responseCode = "200", description = "submitted",
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "404", description = "no such dossier of the caller's organization",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "not possible in the dossier's state (named)",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(IdempotentWrites.HEADER) String key) {
        String organization = caller.requireOrganization();
        return writes.run(key, caller.name(), "POST " + PATH + "/" + id + "/submit", id,
                () -> ok(service.submit(id, organization, ifMatch, caller.name())));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("{id}/withdraw")
    @Transactional
    @RolesAllowed(Roles.VENDOR)
    @Operation(summary = "Withdraw a dossier NIHDI has not decided")
    @APIResponse(responseCode = "200", description = "withdrawn",
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "404", description = "no such dossier of the caller's organization",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the dossier is decided (state named)",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response withdraw(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(IdempotentWrites.HEADER) String key,
            @Valid WithdrawRequest request) {
        String organization = caller.requireOrganization();
        String reason = request == null ? null : request.reason();
        return writes.run(key, caller.name(), "POST " + PATH + "/" + id + "/withdraw",
                request == null ? new WithdrawRequest(null) : request,
                () -> ok(service.withdraw(id, organization, ifMatch, reason, caller.name())));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("{id}/decision")
    @Transactional
    @RolesAllowed(Roles.NIHDI_ASSESSOR)
    @Operation(summary = "Record a NIHDI step",
            description = "ADMISSIBLE, INADMISSIBLE, EXTENSION, CLARIFICATION_REQUESTED, APPROVED_TEMPORARY, "
                    + "APPROVED_DEFINITIVE, DECLINED or END, with the fields the outcome needs. Approvals publish "
                    + "M3Granted, DECLINED publishes M3Declined, END publishes M3Ended.")
    @APIResponse(responseCode = "200", description = "recorded",
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", description = "invalid request, naming the field",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such submitted dossier",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the outcome is not possible in the dossier's state (named)",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "a field the outcome needs is missing, or one it does not use "
            + "is present (named)",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response decide(@PathParam("id") UUID id,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = ApiDocs.IDEMPOTENCY_KEY) @HeaderParam(IdempotentWrites.HEADER) String key,
            @Valid @NotNull DecisionRequest request) {
        return writes.run(key, caller.name(), "POST " + PATH + "/" + id + "/decision", request,
                () -> ok(service.decide(id, ifMatch, request.toDomain(), caller.name())));
    }

    private ReimbursementDossier visible(UUID id) {
        return caller.hasRole(Roles.NIHDI_ASSESSOR) ? service.submitted(id)
                : service.ofOrganization(id, caller.requireOrganization());
    }

    private Response ok(ReimbursementDossier dossier) {
        return Response.ok(view(dossier)).tag(EntityTags.of(dossier.version())).build();
    }

    private DossierView view(ReimbursementDossier dossier) {
        return DossierView.of(dossier, service.now().today());
    }
}
