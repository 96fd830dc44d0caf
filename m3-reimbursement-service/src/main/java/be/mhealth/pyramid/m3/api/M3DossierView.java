package be.mhealth.pyramid.m3.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m3.domain.ClockStatus;
import be.mhealth.pyramid.m3.domain.FinancingUnit;
import be.mhealth.pyramid.m3.domain.Grant;
import be.mhealth.pyramid.m3.domain.M3Dossier;
import be.mhealth.pyramid.m3.domain.M3DossierState;
import be.mhealth.pyramid.m3.domain.M3Evidence;
import be.mhealth.pyramid.m3.domain.Step;

@Schema(name = "M3Dossier", description = "An M3 (reimbursement) dossier and where NIHDI's procedure and its clocks "
        + "stand", requiredProperties = { "id", "appId", "organizationId", "state", "carePathway", "clinicalEvidence",
                "socioEconomicEvidence", "requestedFinancing", "overdue", "clockStopped", "evaluationDays",
                "clockStoppedDays", "createdBy", "createdAt", "updatedAt", "version" })
public record M3DossierView(
        UUID id,
        UUID appId,
        String organizationId,
        M3DossierState state,
        Map<String, String> carePathway,
        List<M3Study> clinicalEvidence,
        M3SocioEconomicEvidence socioEconomicEvidence,
        M3RequestedFinancing requestedFinancing,
        @Schema(description = "The running step; absent when none runs") Step currentStep,
        @Schema(description = "The running step's due date, clock stops included") LocalDate dueDate,
        boolean overdue,
        @Schema(description = "Days until the due date; negative when overdue") Integer daysRemaining,
        @Schema(description = "True while a clarification request stops the evaluation clock") boolean clockStopped,
        @Schema(description = "The evaluation's length: 180 days, or 270 once extended") int evaluationDays,
        @Schema(description = "Days the evaluation clock stood still for clarifications") int clockStoppedDays,
        LocalDate evaluationStartedOn,
        @Schema(description = "The evaluation's due date, counting an open clarification's days so far")
        LocalDate evaluationDueDate,
        LocalDate clarificationRequestedOn,
        M3Grant grant,
        @Schema(description = "Who took the last decision (inadmissibility, approval, decline, revocation)")
        String decidedBy,
        Instant decidedAt,
        @Schema(description = "The reason given with the last decision") String decisionReason,
        LocalDate endedOn,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The first submission") Instant submittedAt,
        @Schema(description = "The last time the dossier came (back) to NIHDI") Instant waitingSince,
        @Schema(description = "The dossier's version; also its ETag") long version) {

    @Schema(name = "M3Grant", description = "The approved reimbursement", requiredProperties = { "nomenclatureCode",
            "amount", "unit", "startDate" })
    public record M3Grant(String nomenclatureCode, BigDecimal amount, FinancingUnit unit, LocalDate startDate,
            @Schema(description = "Last reimbursed day; absent for a definitive reimbursement") LocalDate endDate) {

        static M3Grant of(Grant g) {
            return g == null ? null
                    : new M3Grant(g.nomenclatureCode(), g.amount(), g.unit(), g.startDate(), g.endDate());
        }
    }

    static M3DossierView of(M3Dossier d, LocalDate today) {
        M3Evidence e = d.evidence();
        ClockStatus clock = d.clock(today);
        return new M3DossierView(d.id(), d.appId(), d.organizationId(), d.state(), e.carePathway(),
                e.clinicalEvidence().stream().map(M3Study::of).toList(),
                new M3SocioEconomicEvidence(e.budgetImpactPerYear(), e.costEffectiveness()),
                new M3RequestedFinancing(e.requestedAmount(), e.requestedUnit(), e.requestedMonths()),
                clock.currentStep(), clock.dueDate(), clock.overdue(), clock.daysRemaining(), clock.clockStopped(),
                d.evaluationDays(), d.clockStoppedDays(), d.evaluationStartedOn(), d.evaluationDueDate(today),
                d.clarificationRequestedOn(), M3Grant.of(d.grant()), d.decidedBy(), d.decidedAt(), d.decisionReason(),
                d.endedOn(), d.createdBy(), d.createdAt(), d.updatedAt(), d.submittedAt(), d.waitingSince(),
                d.version());
    }
}
