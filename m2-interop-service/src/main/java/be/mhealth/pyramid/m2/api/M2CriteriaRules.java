package be.mhealth.pyramid.m2.api;

import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m2.domain.CriteriaRules;
import be.mhealth.pyramid.m2.domain.Criterion;

@Schema(name = "M2CriteriaRules", description = "The criteria and the rules deriving a dossier's required ones",
        requiredProperties = { "criteria", "rules" })
public record M2CriteriaRules(List<CriterionInfo> criteria, List<Rule> rules) {

    @Schema(name = "M2CriterionInfo", requiredProperties = { "criterion", "description" })
    public record CriterionInfo(Criterion criterion, String description) {
    }

    @Schema(name = "M2CriteriaRule", requiredProperties = { "when", "criterion", "reason" })
    public record Rule(
            @Schema(description = "The risk-assessment answer that triggers the rule, or \"always\"") String when,
            Criterion criterion, String reason) {
    }

    static M2CriteriaRules current() {
        return new M2CriteriaRules(
                Arrays.stream(Criterion.values()).map(c -> new CriterionInfo(c, c.description())).toList(),
                CriteriaRules.RULES.stream().map(r -> new Rule(
                        r.question() == null ? "always" : r.question().field(), r.criterion(), r.reason())).toList());
    }
}
