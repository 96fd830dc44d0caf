package be.mhealth.pyramid.m2.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.m2.service.M2DossierService;
import be.mhealth.pyramid.support.paging.PageParams;
import be.mhealth.pyramid.support.security.Roles;

/**
 * The eHealth platform's and the test centres' work list: SUBMITTED and IN_REVIEW dossiers and grants awaiting
 * re-assessment, longest waiting first.
 */
@Path("/api/v1/m2/review-queue")
@Tag(name = "M2 review", description = "The eHealth platform's and test centres' queue")
@Produces(MediaType.APPLICATION_JSON)
public class M2ReviewQueueResource {

    private final M2DossierService service;

    M2ReviewQueueResource(M2DossierService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({ Roles.EHEALTH_ASSESSOR, Roles.TEST_CENTRE })
    @Operation(operationId = "listM2ReviewQueue", summary = "Dossiers waiting for test results or the eHealth "
            + "platform's decision, longest waiting first", description = "Submitted dossiers, dossiers in review and "
                    + "grants (APPROVED) awaiting a re-assessment after a significant change, with its `dueDate`.")
    public M2ReviewQueuePage queue(@BeanParam PageParams paging) {
        return M2ReviewQueuePage.of(service.reviewQueue(paging.request()));
    }
}
