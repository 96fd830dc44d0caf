package be.mhealth.pyramid.m1.api;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.m1.repository.DossierRepository;
import be.mhealth.pyramid.support.problem.Problem;
import be.mhealth.pyramid.support.security.Roles;

/** The FAMHP assessor's work list: SUBMITTED and IN_REVIEW dossiers, longest waiting first. */
@Path("/api/v1/m1/review-queue")
@Tag(name = "M1 review", description = "The FAMHP assessor's queue")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewQueueResource {

    private final DossierRepository dossiers;
    private final Clock clock;

    ReviewQueueResource(DossierRepository dossiers, Clock clock) {
        this.dossiers = dossiers;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.FAMHP_ASSESSOR)
    @Transactional
    @Operation(summary = "Dossiers waiting for a decision, oldest (re-)submission first, with the time waited")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Bad page", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a FAMHP assessor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<QueueEntry> queue(
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100") @QueryParam("size")
            @DefaultValue(PageView.DEFAULT_SIZE) @Min(1) @Max(PageView.MAX_SIZE) int size) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return PageView.of(dossiers.queue(), page, size, d -> QueueEntry.of(d, now));
    }
}
