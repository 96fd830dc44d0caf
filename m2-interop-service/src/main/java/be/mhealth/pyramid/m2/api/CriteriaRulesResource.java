package be.mhealth.pyramid.m2.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The rule table, read-only and public; the OpenAPI description of this route is generated from it too. */
@Path("/api/v1/m2/criteria-rules")
@Tag(name = "M2 criteria", description = "The rule table deriving required criteria")
@Produces(MediaType.APPLICATION_JSON)
public class CriteriaRulesResource {

    public static final String OPERATION_ID = "listM2CriteriaRules";

    @GET
    @PermitAll
    @Operation(operationId = OPERATION_ID, summary = "The rules deriving an M2 dossier's required criteria")
    public M2CriteriaRules rules() {
        return M2CriteriaRules.current();
    }
}
