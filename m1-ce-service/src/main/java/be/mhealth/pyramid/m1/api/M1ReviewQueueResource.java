package be.mhealth.pyramid.m1.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.m1.service.M1DossierService;
import be.mhealth.pyramid.support.paging.PageParams;
import be.mhealth.pyramid.support.security.Roles;
import be.mhealth.pyramid.support.web.QueryParams;

/**
 * FAMHP's work list: SUBMITTED and IN_REVIEW dossiers and grants awaiting re-assessment, longest waiting first; or, with {@code expiringWithinDays},
 * the active grants whose certificate expires within that many days, soonest first.
 */
@Path("/api/v1/m1/review-queue")
@Tag(name = "M1 review", description = "FAMHP's queue")
@Produces(MediaType.APPLICATION_JSON)
public class M1ReviewQueueResource {

    private final M1DossierService service;

    M1ReviewQueueResource(M1DossierService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.FAMHP_ASSESSOR)
    @Operation(operationId = "listM1ReviewQueue", summary = "Dossiers waiting for FAMHP, longest waiting first",
            description = "Submitted dossiers, dossiers in review and grants awaiting a re-assessment after a "
                    + "significant change (with its `dueDate`). With `expiringWithinDays`: instead, the active grants (APPROVED) whose certificate expires "
                    + "within that many days, soonest first, each with its expiry date as `dueDate`.")
    public M1ReviewQueuePage queue(@BeanParam PageParams paging,
            @Parameter(description = "List active grants expiring within this many days (1 to 366) instead",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "366"))
            @QueryParam("expiringWithinDays") String expiringWithinDays) {
        if (expiringWithinDays != null) {
            int days = QueryParams.integer("expiringWithinDays", expiringWithinDays, 1, 366, 0);
            return M1ReviewQueuePage.expiring(service.expiringGrants(days, paging.request()));
        }
        return M1ReviewQueuePage.of(service.reviewQueue(paging.request()));
    }
}
