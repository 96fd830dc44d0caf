package be.mhealth.pyramid.m2.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.RegistryEvents.SignificantChange;
import be.mhealth.pyramid.m2.domain.Criterion;
import be.mhealth.pyramid.m2.domain.M2Dossier;
import be.mhealth.pyramid.m2.domain.M2DossierState;
import be.mhealth.pyramid.m2.domain.RiskAssessment;

@Schema(name = "M2Dossier", description = "An M2 (interoperability) dossier", requiredProperties = { "id", "appId",
        "organizationId", "state", "riskAssessment", "requiredCriteria", "createdBy", "createdAt", "updatedAt",
        "version" })
public record M2DossierView(UUID id, UUID appId, String organizationId, M2DossierState state,
        RiskAssessment riskAssessment,
        @Schema(description = "Derived from the risk assessment (GET /api/v1/m2/criteria-rules), in criterion order")
        List<RequiredCriterion> requiredCriteria,
        String createdBy, Instant createdAt, Instant updatedAt,
        @Schema(description = "The first submission") Instant submittedAt,
        @Schema(description = "The last (re-)submission: since when the dossier waits for the eHealth platform")
        Instant waitingSince,
        @Schema(description = "Who made the last decision (approval, rejection, information request, confirmation, "
                + "revocation)")
        String decidedBy,
        Instant decidedAt, String decisionReason,
        @Schema(description = "A grant awaiting the eHealth platform's re-assessment after a significant change")
        M2Reassessment reassessment,
        @Schema(description = "The dossier's version; also its ETag") long version) {

    @Schema(name = "M2Reassessment", requiredProperties = { "version", "significantChanges", "dueOn" })
    public record M2Reassessment(@Schema(description = "The app version that declared the change") String version,
            @Schema(description = "The significant changes that concern M2") List<SignificantChange> significantChanges,
            @Schema(description = "The eHealth platform's re-assessment is due by this day") LocalDate dueOn) {

        static M2Reassessment of(M2Dossier d) {
            return d.awaitsReassessment() ? new M2Reassessment(d.reassessmentVersion(),
                    Stream.of(d.reassessmentChanges().split(",")).map(SignificantChange::valueOf).toList(),
                    d.reassessmentDueOn()) : null;
        }
    }

    @Schema(name = "M2RequiredCriterion", description = "A criterion the dossier must pass, and why",
            requiredProperties = { "criterion", "reason" })
    public record RequiredCriterion(Criterion criterion, String reason) {
    }

    static M2DossierView of(M2Dossier d) {
        return new M2DossierView(d.id(), d.appId(), d.organizationId(), d.state(), d.riskAssessment(),
                d.requiredCriteria().stream().map(r -> new RequiredCriterion(r.criterion(), r.reason())).toList(),
                d.createdBy(), d.createdAt(), d.updatedAt(), d.submittedAt(), d.waitingSince(), d.decidedBy(),
                d.decidedAt(), d.decisionReason(), M2Reassessment.of(d), d.version());
    }
}
