package be.mhealth.pyramid.m1.api;

import java.net.URI;
import java.util.Map;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.m1.domain.Dossier;
import be.mhealth.pyramid.m1.domain.DossierStatus;
import be.mhealth.pyramid.m1.repository.DossierRepository;
import be.mhealth.pyramid.m1.repository.DossierTransitionRepository;
import be.mhealth.pyramid.m1.service.DossierAccess;
import be.mhealth.pyramid.m1.service.DossierService;
import be.mhealth.pyramid.support.problem.Problem;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;
import be.mhealth.pyramid.support.web.EntityTags;
import be.mhealth.pyramid.support.web.IdempotentWrites;

/**
 * M1 dossiers: vendors create, edit, submit and withdraw their own; FAMHP assessors (people or the FAMHP system's
 * client) decide, revoke and record an earlier expiry. A decision on a SUBMITTED dossier takes it into review
 * implicitly (recorded in the history). Updates need {@code If-Match}; transitions check it when sent. Writes accept
 * {@code Idempotency-Key}.
 */
@Path(DossierResource.PATH)
@Tag(name = "M1 dossiers", description = "CE-marking dossiers and their FAMHP review")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class DossierResource {

    public static final String PATH = "/api/v1/m1/dossiers";
    static final String STATUSES = "DRAFT|SUBMITTED|IN_REVIEW|INFO_REQUESTED|APPROVED|REJECTED|WITHDRAWN|REVOKED|EXPIRED";
    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final DossierService service;
    private final DossierAccess access;
    private final DossierRepository dossiers;
    private final DossierTransitionRepository history;
    private final IdempotentWrites writes;
    private final Caller caller;

    DossierResource(DossierService service, DossierAccess access, DossierRepository dossiers,
            DossierTransitionRepository history, IdempotentWrites writes, Caller caller) {
        this.service = service;
        this.access = access;
        this.dossiers = dossiers;
        this.history = history;
        this.writes = writes;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Transactional
    @Operation(summary = "Open a dossier (DRAFT) for an app of the caller's organization")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set",
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or missing fields", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a vendor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such app of the caller's organization", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The app already has an open dossier or an active M1",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Dates out of order, missing notified body, …",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull @Valid DossierRequest request,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH, request, () -> {
            Dossier d = service.create(request.appId(), request.certificate().toDomain(), request.famhpNotification(),
                    request.gdpr().toDomain());
            return Response.created(URI.create(PATH + "/" + d.id)).tag(EntityTags.of(d.version))
                    .entity(DossierView.of(d)).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.FAMHP_ASSESSOR })
    @Transactional
    @Operation(summary = "List dossiers, newest first (vendors see their organization's only)")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Bad filter or page", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither vendor nor FAMHP assessor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<DossierView> list(
            @Parameter(description = "Only this app's dossiers") @QueryParam("appId")
            @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String appId,
            @Parameter(description = "Only dossiers in this state", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "DRAFT", "SUBMITTED", "IN_REVIEW", "INFO_REQUESTED", "APPROVED", "REJECTED",
                            "WITHDRAWN", "REVOKED", "EXPIRED" }))
            @QueryParam("status") @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES) String status,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100") @QueryParam("size")
            @DefaultValue(PageView.DEFAULT_SIZE) @Min(1) @Max(PageView.MAX_SIZE) int size) {
        return PageView.of(dossiers.search(access.organizationFilter(), appId == null ? null : UUID.fromString(appId),
                status == null ? null : DossierStatus.valueOf(status)), page, size, DossierView::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.VENDOR, Roles.FAMHP_ASSESSOR })
    @Transactional
    @Operation(summary = "Read a dossier; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The dossier",
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither vendor nor FAMHP assessor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dossier (or another organization's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Dossier id") @PathParam("id") UUID id) {
        Dossier d = access.readable(id);
        return Response.ok(DossierView.of(d)).tag(EntityTags.of(d.version)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Transactional
    @Operation(summary = "Replace a dossier's content while DRAFT or INFO_REQUESTED")
    @APIResponse(responseCode = "200", description = "Updated; new ETag",
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", description = "Malformed or missing fields", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a vendor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dossier of the caller's organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not editable in its current state", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Breaks a content rule", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @NotNull @Valid DossierRequest request,
            @Parameter(description = "The ETag last read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "PUT " + PATH + "/" + id, request, () -> {
            Dossier d = service.update(id, ifMatch, request.appId(), request.certificate().toDomain(),
                    request.famhpNotification(), request.gdpr().toDomain());
            return ok(d);
        });
    }

    @POST
    @Path("{id}/submit")
    @RolesAllowed(Roles.VENDOR)
    @Transactional
    @Operation(summary = "Submit a draft (→ SUBMITTED) or answer an information request (→ IN_REVIEW)",
            description = "Needs a certificate that expires after today and a CE_CERTIFICATE attachment.")
    @APIResponse(responseCode = "200", description = "Submitted",
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a vendor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dossier of the caller's organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Illegal transition; names the current state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Expired certificate or no CE certificate attached",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @Parameter(description = "Optional: the ETag last read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/submit", Map.of("dossierId", id),
                () -> ok(service.submit(id, ifMatch)));
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Transactional
    @Operation(summary = "Withdraw a dossier that is not decided, with a reason")
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", description = "Reason missing", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a vendor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dossier of the caller's organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already decided; names the current state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response withdraw(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @NotNull @Valid ReasonRequest request,
            @Parameter(description = "Optional: the ETag last read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/withdraw", new Object[] { id, request },
                () -> ok(service.withdraw(id, ifMatch, request.reason())));
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FAMHP_ASSESSOR)
    @Transactional
    @Operation(summary = "Decide on a submitted or in-review dossier",
            description = "APPROVED publishes m1.granted, REJECTED m1.rejected; INFO_REQUESTED hands the dossier "
                    + "back to the vendor. A reason is required except for APPROVED.")
    @APIResponse(responseCode = "200", description = "Decided",
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", description = "Malformed body", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a FAMHP assessor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dossier", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Illegal transition; names the current state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Reason missing, or approving an expired certificate",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decide(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @NotNull @Valid DecisionRequest request,
            @Parameter(description = "Optional: the ETag last read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/decision", new Object[] { id, request },
                () -> ok(service.decide(id, ifMatch, request.outcome().action(), request.reason())));
    }

    @POST
    @Path("{id}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FAMHP_ASSESSOR)
    @Transactional
    @Operation(summary = "Revoke an active grant (APPROVED → REVOKED); publishes m1.revoked")
    @APIResponse(responseCode = "200", description = "Revoked",
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", description = "Reason missing", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a FAMHP assessor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dossier", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not an active grant; names the current state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @NotNull @Valid ReasonRequest request,
            @Parameter(description = "Optional: the ETag last read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/revocation", new Object[] { id, request },
                () -> ok(service.revoke(id, ifMatch, request.reason())));
    }

    @POST
    @Path("{id}/expiry")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FAMHP_ASSESSOR)
    @Transactional
    @Operation(summary = "Record that a grant's certificate expired earlier than the dossier states",
            description = "FAMHP established (e.g. from the notified body) that the certificate's last day of "
                    + "validity lies before today: APPROVED → EXPIRED; publishes m1.expired. A certificate that "
                    + "expires on the date on record needs no call: the expiry job expires it the day after.")
    @APIResponse(responseCode = "200", description = "Expired",
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", description = "Date or reason missing or malformed", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a FAMHP assessor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dossier", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not an active grant; names the current state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "expiredOn not before today, before the issue date or after "
            + "the expiry date on record", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordExpiry(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @NotNull @Valid ExpiryRequest request,
            @Parameter(description = "Optional: the ETag last read") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/{id}/expiry", new Object[] { id, request },
                () -> ok(service.recordExpiry(id, ifMatch, request.expiredOn(), request.reason())));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.VENDOR, Roles.FAMHP_ASSESSOR })
    @Transactional
    @Operation(summary = "The dossier's transitions, oldest first: who, when, why")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Bad page", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither vendor nor FAMHP assessor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dossier (or another organization's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<TransitionView> history(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100") @QueryParam("size")
            @DefaultValue(PageView.DEFAULT_SIZE) @Min(1) @Max(PageView.MAX_SIZE) int size) {
        access.readable(id);
        return PageView.of(history.history(id), page, size, TransitionView::of);
    }

    private static Response ok(Dossier d) {
        return Response.ok(DossierView.of(d)).tag(EntityTags.of(d.version)).build();
    }
}
