package be.mhealth.pyramid.m2.api;

import java.net.URI;
import java.util.UUID;
import java.util.function.Supplier;

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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.m2.api.Dtos.CreateDossier;
import be.mhealth.pyramid.m2.api.Dtos.DecisionRequest;
import be.mhealth.pyramid.m2.api.Dtos.DossierPage;
import be.mhealth.pyramid.m2.api.Dtos.DossierView;
import be.mhealth.pyramid.m2.api.Dtos.HistoryEntry;
import be.mhealth.pyramid.m2.api.Dtos.HistoryList;
import be.mhealth.pyramid.m2.api.Dtos.Reason;
import be.mhealth.pyramid.m2.api.Dtos.TestResultInput;
import be.mhealth.pyramid.m2.api.Dtos.TestResultList;
import be.mhealth.pyramid.m2.api.Dtos.TestResultView;
import be.mhealth.pyramid.m2.api.Dtos.UpdateDossier;
import be.mhealth.pyramid.m2.domain.DossierState;
import be.mhealth.pyramid.m2.domain.M2Dossier;
import be.mhealth.pyramid.m2.domain.TestResult;
import be.mhealth.pyramid.m2.service.DossierService;
import be.mhealth.pyramid.m2.service.ReviewService;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;
import be.mhealth.pyramid.support.web.EntityTags;
import be.mhealth.pyramid.support.web.IdempotentWrites;
import io.quarkus.hibernate.orm.panache.PanacheQuery;

@Path(DossierResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class DossierResource {

    static final String PATH = "/api/v1/m2/dossiers";
    private static final String STATES = "DRAFT|SUBMITTED|IN_REVIEW|INFO_REQUESTED|APPROVED|REJECTED|REVOKED|WITHDRAWN";
    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final DossierService dossiers;
    private final ReviewService review;
    private final IdempotentWrites idempotent;
    private final Caller caller;

    DossierResource(DossierService dossiers, ReviewService review, IdempotentWrites idempotent, Caller caller) {
        this.dossiers = dossiers;
        this.review = review;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Transactional
    @RolesAllowed(Roles.VENDOR)
    @Tag(name = "M2 dossiers")
    @Operation(operationId = "createM2Dossier", summary = "Open an M2 dossier",
            description = "For an app of the caller's organization whose effective level is M1 or higher. The answers"
                    + " of the risk assessment determine `requiredCriteria` (see GET /api/v1/m2/criteria-rules).")
    @APIResponse(responseCode = "201", description = "Created as DRAFT",
            headers = { @Header(name = "Location"), @Header(name = "ETag") },
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "RuleViolation")
    public Response create(@Parameter(description = "Makes a retried request safe") @HeaderParam(IdempotentWrites.HEADER) String key,
            @NotNull @Valid CreateDossier body) {
        return idempotent.run(key, caller.name(), "POST " + PATH, body, () -> {
            M2Dossier dossier = dossiers.create(body.appId(), body.riskAssessment());
            return Response.created(URI.create(PATH + "/" + dossier.id)).tag(EntityTags.of(dossier.version))
                    .entity(DossierView.of(dossier)).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.VENDOR, Roles.EHEALTH_ASSESSOR, Roles.TEST_CENTRE })
    @Tag(name = "M2 dossiers")
    @Operation(operationId = "listM2Dossiers", summary = "List dossiers",
            description = "A vendor sees its organization's dossiers, newest first. eHealth assessors and test centres"
                    + " see submitted dossiers, oldest submission first: with `state=SUBMITTED` this is the review queue.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DossierPage.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public DossierPage list(
            @Parameter(description = "Only dossiers in this state", schema = @Schema(implementation = DossierState.class))
            @QueryParam("state") @Pattern(regexp = STATES, message = "must be one of " + STATES) String state,
            @Parameter(description = "Only dossiers of this app") @QueryParam("appId")
            @Pattern(regexp = UUID_PATTERN, message = "must be a UUID") String appId,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        PanacheQuery<M2Dossier> query = dossiers.list(state == null ? null : DossierState.valueOf(state),
                appId == null ? null : UUID.fromString(appId), page, size);
        return new DossierPage(query.list().stream().map(DossierView::of).toList(), page, size, query.count());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.VENDOR, Roles.EHEALTH_ASSESSOR, Roles.TEST_CENTRE })
    @Tag(name = "M2 dossiers")
    @Operation(operationId = "getM2Dossier", summary = "Read a dossier", description = "With its ETag for updates.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@Parameter(description = "Dossier id") @PathParam("id") UUID id) {
        return ok(dossiers.get(id));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @PUT
    @Path("{id}")
    @Transactional
    @RolesAllowed(Roles.VENDOR)
    @Tag(name = "M2 dossiers")
    @Operation(operationId = "updateM2Dossier", summary = "Change the risk assessment",
            description = "Only while DRAFT or INFO_REQUESTED; the required criteria are derived again.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version being changed", required = true)
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Makes a retried request safe") @HeaderParam(IdempotentWrites.HEADER) String key,
            @NotNull @Valid UpdateDossier body) {
        return write(key, "PUT " + PATH + "/" + id, body, () -> dossiers.update(id, ifMatch, body.riskAssessment()));
    }

    @POST
    @Path("{id}/submit")
    @Transactional
    @RolesAllowed(Roles.VENDOR)
    @Tag(name = "M2 dossiers")
    @Operation(operationId = "submitM2Dossier", summary = "Submit for review",
            description = "DRAFT → SUBMITTED, or INFO_REQUESTED → IN_REVIEW. The app must still stand at M1 or higher.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response submit(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @Parameter(description = "Optional: the ETag the caller saw") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Makes a retried request safe") @HeaderParam(IdempotentWrites.HEADER) String key) {
        return write(key, "POST " + PATH + "/" + id + "/submit", "", () -> dossiers.submit(id, ifMatch));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("{id}/withdraw")
    @Transactional
    @RolesAllowed(Roles.VENDOR)
    @Tag(name = "M2 dossiers")
    @Operation(operationId = "withdrawM2Dossier", summary = "Withdraw an undecided dossier, with a reason")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response withdraw(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @Parameter(description = "Optional: the ETag the caller saw") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Makes a retried request safe") @HeaderParam(IdempotentWrites.HEADER) String key,
            @NotNull @Valid Reason body) {
        return write(key, "POST " + PATH + "/" + id + "/withdraw", body,
                () -> dossiers.withdraw(id, ifMatch, body.reason()));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Roles.VENDOR, Roles.EHEALTH_ASSESSOR, Roles.TEST_CENTRE })
    @Tag(name = "M2 dossiers")
    @Operation(operationId = "getM2DossierHistory", summary = "Who did what to the dossier, when and why")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HistoryList.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public HistoryList history(@Parameter(description = "Dossier id") @PathParam("id") UUID id) {
        return new HistoryList(dossiers.history(id).stream().map(HistoryEntry::of).toList());
    }

    @POST
    @Path("{id}/review")
    @Transactional
    @RolesAllowed(Roles.EHEALTH_ASSESSOR)
    @Tag(name = "M2 review")
    @Operation(operationId = "startM2Review", summary = "Take a submitted dossier into review",
            description = "SUBMITTED → IN_REVIEW.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response startReview(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @Parameter(description = "Optional: the ETag the caller saw") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Makes a retried request safe") @HeaderParam(IdempotentWrites.HEADER) String key) {
        return write(key, "POST " + PATH + "/" + id + "/review", "", () -> review.startReview(id, ifMatch));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("{id}/test-results")
    @Transactional
    @RolesAllowed(Roles.TEST_CENTRE)
    @Tag(name = "M2 review")
    @Operation(operationId = "recordM2TestResult", summary = "Record a test centre's result for one criterion",
            description = "Only for a required criterion of a SUBMITTED or IN_REVIEW dossier. A later result for the"
                    + " same criterion supersedes the earlier one; both are kept.")
    @APIResponse(responseCode = "201", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = TestResultView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "RuleViolation")
    public Response recordTestResult(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @Parameter(description = "Makes a retried request safe") @HeaderParam(IdempotentWrites.HEADER) String key,
            @NotNull @Valid TestResultInput body) {
        return idempotent.run(key, caller.name(), "POST " + PATH + "/" + id + "/test-results", body, () -> {
            TestResult result = review.record(id, new ReviewService.NewResult(body.criterion(), body.result(),
                    body.testCentre(), body.testedOn(), body.reportReference()));
            return Response.created(URI.create(PATH + "/" + id + "/test-results"))
                    .entity(TestResultView.of(result)).build();
        });
    }

    @GET
    @Path("{id}/test-results")
    @RolesAllowed({ Roles.VENDOR, Roles.EHEALTH_ASSESSOR, Roles.TEST_CENTRE })
    @Tag(name = "M2 review")
    @Operation(operationId = "listM2TestResults", summary = "Every recorded result, the current ones marked",
            description = "Ordered by criterion, then oldest first.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TestResultList.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TestResultList testResults(@Parameter(description = "Dossier id") @PathParam("id") UUID id) {
        return new TestResultList(review.results(id).stream().map(TestResultView::of).toList());
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("{id}/decision")
    @Transactional
    @RolesAllowed(Roles.EHEALTH_ASSESSOR)
    @Tag(name = "M2 review")
    @Operation(operationId = "decideM2Dossier", summary = "Decide on a submitted dossier or one in review",
            description = "A SUBMITTED dossier is first taken into review (both steps are in the history)."
                    + " APPROVED only when every required criterion's current result is PASS and the app still"
                    + " stands at M1 or higher (else 409 naming what is missing); publishes M2Granted."
                    + " REJECTED (publishes M2Rejected) and INFO_REQUESTED need a reason.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "RuleViolation")
    public Response decide(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @Parameter(description = "Optional: the ETag the caller saw") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Makes a retried request safe") @HeaderParam(IdempotentWrites.HEADER) String key,
            @NotNull @Valid DecisionRequest body) {
        return write(key, "POST " + PATH + "/" + id + "/decision", body,
                () -> review.decide(id, ifMatch, body.outcome(), body.reason()));
    }

    @Consumes(MediaType.APPLICATION_JSON)
    @POST
    @Path("{id}/revocation")
    @Transactional
    @RolesAllowed(Roles.EHEALTH_ASSESSOR)
    @Tag(name = "M2 review")
    @Operation(operationId = "revokeM2Grant", summary = "Revoke an active M2 grant",
            description = "APPROVED → REVOKED; publishes M2Revoked.")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = DossierView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    public Response revoke(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @Parameter(description = "Optional: the ETag the caller saw") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Makes a retried request safe") @HeaderParam(IdempotentWrites.HEADER) String key,
            @NotNull @Valid Reason body) {
        return write(key, "POST " + PATH + "/" + id + "/revocation", body,
                () -> review.revoke(id, ifMatch, body.reason()));
    }

    private Response write(String key, String operation, Object body, Supplier<M2Dossier> change) {
        return idempotent.run(key, caller.name(), operation, body, () -> ok(change.get()));
    }

    private static Response ok(M2Dossier dossier) {
        return Response.ok(DossierView.of(dossier)).tag(EntityTags.of(dossier.version)).build();
    }
}
