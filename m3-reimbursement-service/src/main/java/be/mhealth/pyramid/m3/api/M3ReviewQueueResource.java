package be.mhealth.pyramid.m3.api;

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

import be.mhealth.pyramid.m3.service.M3DossierService;
import be.mhealth.pyramid.support.paging.PageParams;
import be.mhealth.pyramid.support.problem.InvalidParameterException;
import be.mhealth.pyramid.support.security.Roles;

/** NIHDI's work list: SUBMITTED and IN_EVALUATION dossiers, earliest due step first. */
@Path("/api/v1/m3/review-queue")
@Tag(name = "M3 review", description = "NIHDI's queue")
@Produces(MediaType.APPLICATION_JSON)
public class M3ReviewQueueResource {

    private final M3DossierService service;

    M3ReviewQueueResource(M3DossierService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.NIHDI_ASSESSOR)
    @Operation(operationId = "listM3ReviewQueue", summary = "Dossiers waiting for NIHDI, earliest due step first "
            + "(clock stops included); dossiers waiting for a vendor's clarification are not in it")
    public M3ReviewQueuePage queue(
            @Parameter(description = "Only the steps whose due date has passed", schema = @Schema(
                    type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("overdue") String overdue,
            @BeanParam PageParams paging) {
        return M3ReviewQueuePage.of(service.reviewQueue(flag("overdue", overdue), paging.request()));
    }

    /** {@code true} or {@code false} exactly (absent: false); anything else is a 400 naming the parameter. */
    static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidParameterException(name, "must be true or false");
    }
}
