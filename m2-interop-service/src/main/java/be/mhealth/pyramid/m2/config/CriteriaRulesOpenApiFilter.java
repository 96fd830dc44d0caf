package be.mhealth.pyramid.m2.config;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

import be.mhealth.pyramid.m2.api.CriteriaRulesResource;
import be.mhealth.pyramid.m2.domain.CriteriaRules;

/** Writes the rule table into the OpenAPI description of GET /api/v1/m2/criteria-rules, from the one table. */
public class CriteriaRulesOpenApiFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (CriteriaRulesResource.OPERATION_ID.equals(operation.getOperationId())) {
            StringBuilder table = new StringBuilder("Every answered-yes question adds its criteria; a criterion"
                    + " required by several rules lists all their reasons.\n\n| when | criterion | reason |\n|---|---|---|\n");
            for (CriteriaRules.Rule rule : CriteriaRules.RULES) {
                table.append("| ").append(rule.question() == null ? "always" : rule.question().field() + " = true")
                        .append(" | ").append(rule.criterion()).append(" | ").append(rule.reason()).append(" |\n");
            }
            operation.setDescription(table.toString());
        }
        return operation;
    }
}
