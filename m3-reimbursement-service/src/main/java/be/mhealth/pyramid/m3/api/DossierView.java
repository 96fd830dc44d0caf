package be.mhealth.pyramid.m3.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m3.domain.ClockStatus;
import be.mhealth.pyramid.m3.domain.DossierContent;
import be.mhealth.pyramid.m3.domain.DossierState;
import be.mhealth.pyramid.m3.domain.FinancingUnit;
import be.mhealth.pyramid.m3.domain.ReimbursementDossier;
import be.mhealth.pyramid.m3.domain.Step;

@Schema(name = "ReimbursementDossier")
public record DossierView(
        UUID id,
        UUID appId,
        String organizationId,
        DossierState state,
        Map<String, String> carePathway,
        List<StudyDto> clinicalEvidence,
        SocioEconomicEvidenceDto socioEconomicEvidence,
        RequestedFinancingDto requestedFinancing,
        @Schema(description = "the running step; absent when none runs") Step currentStep,
        @Schema(description = "the running step's due date, clock stops included") LocalDate dueDate,
        boolean overdue,
        @Schema(description = "days until the due date; negative when overdue") Integer daysRemaining,
        @Schema(description = "true while a clarification request stops the evaluation clock") boolean clockStopped,
        @Schema(description = "the evaluation's length: 180 days, or 270 once extended") int evaluationDays,
        @Schema(description = "days the evaluation clock stood still for clarifications") int clockStoppedDays,
        LocalDate evaluationStartedOn,
        @Schema(description = "the evaluation's due date, counting an open clarification's days so far")
        LocalDate evaluationDueDate,
        LocalDate clarificationRequestedOn,
        Grant grant,
        String decidedBy,
        Instant decidedAt,
        LocalDate endedOn,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        long version) {

    @Schema(name = "ReimbursementGrant", description = "the approved reimbursement")
    public record Grant(String nomenclatureCode, BigDecimal amount, FinancingUnit unit, LocalDate startDate,
            @Schema(description = "last reimbursed day; absent for a definitive reimbursement") LocalDate endDate) {
    }

    public static DossierView of(ReimbursementDossier d, LocalDate today) {
        DossierContent c = d.content();
        ClockStatus clock = d.clock(today);
        Grant grant = d.nomenclatureCode() == null ? null
                : new Grant(d.nomenclatureCode(), d.grantedAmount(), d.grantedUnit(), d.reimbursementStart(),
                        d.reimbursementEnd());
        return new DossierView(d.id(), d.appId(), d.organizationId(), d.state(), c.carePathway(),
                c.clinicalEvidence().stream().map(StudyDto::of).toList(),
                new SocioEconomicEvidenceDto(c.budgetImpactPerYear(), c.costEffectiveness()),
                new RequestedFinancingDto(c.requestedAmount(), c.requestedUnit(), c.requestedMonths()),
                clock.currentStep(), clock.dueDate(), clock.overdue(), clock.daysRemaining(), clock.clockStopped(),
                d.evaluationDays(), d.clockStoppedDays(), d.evaluationStartedOn(), d.evaluationDueDate(today),
                d.clarificationRequestedOn(), grant, d.decidedBy(), d.decidedAt(), d.endedOn(), d.createdBy(),
                d.createdAt(), d.updatedAt(), d.submittedAt(), d.version());
    }
}
