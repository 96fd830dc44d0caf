package be.mhealth.pyramid.m2.api;

import java.util.Arrays;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.m2.api.Dtos.CriterionInfo;
import be.mhealth.pyramid.m2.api.Dtos.RuleTable;
import be.mhealth.pyramid.m2.api.Dtos.RuleView;
import be.mhealth.pyramid.m2.domain.CriteriaRules;
import be.mhealth.pyramid.m2.domain.Criterion;

/** The rule table, read-only and public; the OpenAPI description of this route is generated from it too. */
@Path("/api/v1/m2/criteria-rules")
@Produces(MediaType.APPLICATION_JSON)
public class CriteriaRulesResource {

    public static final String OPERATION_ID = "listM2CriteriaRules";

    @GET
    @PermitAll
    @Tag(name = "M2 criteria")
    @Operation(operationId = OPERATION_ID, summary = "The rules deriving an M2 dossier's required criteria")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RuleTable.class)))
    public RuleTable rules() {
        return new RuleTable(
                Arrays.stream(Criterion.values()).map(c -> new CriterionInfo(c, c.description())).toList(),
                CriteriaRules.RULES.stream().map(r -> new RuleView(
                        r.question() == null ? "always" : r.question().field(), r.criterion(), r.reason())).toList());
    }
}
