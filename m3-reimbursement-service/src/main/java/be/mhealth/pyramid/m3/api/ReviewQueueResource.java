package be.mhealth.pyramid.m3.api;

import jakarta.annotation.security.RolesAllowed;
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

import be.mhealth.pyramid.m3.service.DossierService;
import be.mhealth.pyramid.support.problem.Problem;
import be.mhealth.pyramid.support.security.Roles;

@Path("/api/v1/m3/review-queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiDocs.TAG)
@SecurityRequirement(name = "bearer")
public class ReviewQueueResource {

    private final DossierService service;

    ReviewQueueResource(DossierService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.NIHDI_ASSESSOR)
    @Operation(summary = "NIHDI's review queue",
            description = "Dossiers awaiting admissibility or evaluation, earliest due date first (clock stops "
                    + "included), overdue steps flagged. Dossiers waiting for a vendor's clarification are not in it.")
    @APIResponse(responseCode = "200", description = "one page of the queue")
    @APIResponse(responseCode = "400", description = "invalid paging",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "no or invalid token",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "not a NIHDI assessor",
            content = @Content(mediaType = ApiDocs.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public PageView<QueueItemView> queue(
            @Parameter(description = "only overdue steps") @QueryParam("overdue") @DefaultValue("false")
            boolean overdueOnly,
            @Parameter(description = "zero-based page") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "page size, at most 100") @QueryParam("size") @DefaultValue("20") @Min(1)
            @Max(100) int size) {
        var found = service.reviewQueue(overdueOnly, page, size);
        var today = service.now().today();
        return new PageView<>(found.items().stream().map(d -> QueueItemView.of(d, today)).toList(), page, size,
                found.total());
    }
}
