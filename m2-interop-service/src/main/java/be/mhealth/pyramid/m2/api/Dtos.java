package be.mhealth.pyramid.m2.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m2.domain.Criterion;
import be.mhealth.pyramid.m2.domain.Decision;
import be.mhealth.pyramid.m2.domain.DossierEvent;
import be.mhealth.pyramid.m2.domain.DossierState;
import be.mhealth.pyramid.m2.domain.M2Dossier;
import be.mhealth.pyramid.m2.domain.RiskAssessment;
import be.mhealth.pyramid.m2.domain.TestOutcome;
import be.mhealth.pyramid.m2.domain.TestResult;

/** The request and response bodies of the M2 API. */
public final class Dtos {
    private Dtos() {
    }

    @Schema(name = "CreateM2Dossier")
    public record CreateDossier(
            @NotNull @Schema(required = true, description = "The app (registered by the caller's organization, at M1 or higher)")
            UUID appId,
            @NotNull @Valid @Schema(required = true) RiskAssessment riskAssessment) {
    }

    @Schema(name = "UpdateM2Dossier")
    public record UpdateDossier(@NotNull @Valid @Schema(required = true) RiskAssessment riskAssessment) {
    }

    @Schema(name = "M2Reason", description = "Why: recorded in the history")
    public record Reason(@NotBlank @Size(max = 2000) @Schema(required = true) String reason) {
    }

    @Schema(name = "M2Decision")
    public record DecisionRequest(
            @NotNull @Schema(required = true) Decision outcome,
            @Size(max = 2000) @Schema(description = "Required for REJECTED and INFO_REQUESTED") String reason) {
    }

    @Schema(name = "M2TestResultInput")
    public record TestResultInput(
            @NotNull @Schema(required = true, description = "One of the dossier's required criteria") Criterion criterion,
            @NotNull @Schema(required = true) TestOutcome result,
            @NotBlank @Size(max = 200) @Schema(required = true) String testCentre,
            @NotNull @Schema(required = true, description = "Not in the future; not before the criterion's current result")
            LocalDate testedOn,
            @NotBlank @Size(max = 200) @Schema(required = true) String reportReference) {
    }

    @Schema(name = "M2RequiredCriterion")
    public record RequiredCriterionView(Criterion criterion, String reason) {
    }

    @Schema(name = "M2Dossier")
    public record DossierView(UUID id, UUID appId, String organizationId, DossierState state,
            RiskAssessment riskAssessment, List<RequiredCriterionView> requiredCriteria, String createdBy,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime submittedAt, String decidedBy,
            OffsetDateTime decidedAt, String decisionReason, long version) {

        static DossierView of(M2Dossier d) {
            return new DossierView(d.id, d.appId, d.organizationId, d.state, d.riskAssessment(),
                    d.requiredCriteria.stream().map(r -> new RequiredCriterionView(r.criterion, r.reason)).toList(),
                    d.createdBy, d.createdAt, d.updatedAt, d.submittedAt, d.decidedBy, d.decidedAt,
                    d.decisionReason, d.version);
        }
    }

    @Schema(name = "M2DossierPage")
    public record DossierPage(List<DossierView> items, int page, int size, long total) {
    }

    @Schema(name = "M2TestResult")
    public record TestResultView(UUID id, Criterion criterion, TestOutcome result, String testCentre,
            LocalDate testedOn, String reportReference, String recordedBy, OffsetDateTime recordedAt,
            @Schema(description = "True for the criterion's result that counts; false once a later one superseded it")
            boolean current,
            UUID supersededBy, OffsetDateTime supersededAt) {

        static TestResultView of(TestResult r) {
            return new TestResultView(r.id, r.criterion, r.result, r.testCentre, r.testedOn, r.reportReference,
                    r.recordedBy, r.recordedAt, r.isCurrent(), r.supersededBy, r.supersededAt);
        }
    }

    @Schema(name = "M2TestResults")
    public record TestResultList(List<TestResultView> items) {
    }

    @Schema(name = "M2HistoryEntry")
    public record HistoryEntry(String action, DossierState fromState, DossierState toState, String actor,
            OffsetDateTime at, String reason) {

        static HistoryEntry of(DossierEvent e) {
            return new HistoryEntry(e.action, e.fromState, e.toState, e.actor, e.at, e.reason);
        }
    }

    @Schema(name = "M2History")
    public record HistoryList(List<HistoryEntry> items) {
    }

    @Schema(name = "M2CriterionInfo")
    public record CriterionInfo(Criterion criterion, String description) {
    }

    @Schema(name = "M2CriteriaRule")
    public record RuleView(
            @Schema(description = "The risk-assessment answer that triggers the rule, or \"always\"") String when,
            Criterion criterion, String reason) {
    }

    @Schema(name = "M2CriteriaRules")
    public record RuleTable(List<CriterionInfo> criteria, List<RuleView> rules) {
    }
}
