package be.mhealth.pyramid.m2.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import be.mhealth.pyramid.events.M2Events;
import be.mhealth.pyramid.m2.domain.Criterion;
import be.mhealth.pyramid.m2.domain.Decision;
import be.mhealth.pyramid.m2.domain.DossierState;
import be.mhealth.pyramid.m2.domain.M2Dossier;
import be.mhealth.pyramid.m2.domain.TestOutcome;
import be.mhealth.pyramid.m2.domain.TestResult;
import be.mhealth.pyramid.m2.repository.DossierRepository;
import be.mhealth.pyramid.m2.repository.TestResultRepository;
import be.mhealth.pyramid.support.outbox.Outbox;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.problem.StateConflictException;
import be.mhealth.pyramid.support.security.Caller;

/** The reviewers' side: test-centre results, the eHealth assessor's review, decision and revocation. */
@ApplicationScoped
public class ReviewService {

    /** A new result for the criteria of a dossier. */
    public record NewResult(Criterion criterion, TestOutcome result, String testCentre, LocalDate testedOn,
            String reportReference) {
    }

    private final DossierRepository dossiers;
    private final TestResultRepository results;
    private final DossierAccess access;
    private final DossierService vendorSide;
    private final History history;
    private final Outbox outbox;
    private final Caller caller;
    private final Clock clock;

    ReviewService(DossierRepository dossiers, TestResultRepository results, DossierAccess access,
            DossierService vendorSide, History history, Outbox outbox, Caller caller, Clock clock) {
        this.dossiers = dossiers;
        this.results = results;
        this.access = access;
        this.vendorSide = vendorSide;
        this.history = history;
        this.outbox = outbox;
        this.caller = caller;
        this.clock = clock;
    }

    /** SUBMITTED → IN_REVIEW: an assessor takes the dossier from the queue. */
    @Transactional(Transactional.TxType.MANDATORY)
    public M2Dossier startReview(UUID id, String ifMatch) {
        M2Dossier dossier = access.forUpdate(id);
        DossierService.checkOptionalMatch(ifMatch, dossier);
        if (dossier.state != DossierState.SUBMITTED) {
            throw StateConflictException.illegalTransition("start the review of", dossier.state);
        }
        history.record(dossier, "start-review", DossierState.IN_REVIEW, null);
        dossiers.flush();
        return dossier;
    }

    /**
     * Records a result for a required criterion of a SUBMITTED or IN_REVIEW dossier. The criterion's previous
     * result, if any, is kept but superseded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TestResult record(UUID dossierId, NewResult input) {
        M2Dossier dossier = access.forUpdate(dossierId);
        if (!dossier.state.acceptsTestResults()) {
            throw new StateConflictException("illegal-transition",
                    "test results are recorded only for a SUBMITTED or IN_REVIEW dossier; this one is "
                            + dossier.state,
                    dossier.state.name());
        }
        if (!dossier.requires(input.criterion())) {
            throw new RuleViolationException("criterion", input.criterion() + " is not required for this dossier;"
                    + " required: " + dossier.criteria());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (input.testedOn().isAfter(now.toLocalDate())) {
            throw new RuleViolationException("testedOn", "must not be in the future");
        }
        TestResult result = new TestResult();
        result.id = UUID.randomUUID();
        results.current(dossierId, input.criterion()).ifPresent(previous -> {
            if (input.testedOn().isBefore(previous.testedOn)) {
                throw new RuleViolationException("testedOn", "is before the current result's test date "
                        + previous.testedOn + "; only a later test supersedes it");
            }
            previous.supersededBy = result.id;
            previous.supersededAt = now;
            results.flush();
        });
        result.dossierId = dossierId;
        result.criterion = input.criterion();
        result.result = input.result();
        result.testCentre = input.testCentre().strip();
        result.testedOn = input.testedOn();
        result.reportReference = input.reportReference().strip();
        result.recordedBy = caller.name();
        result.recordedAt = now;
        results.persist(result);
        results.flush();
        return result;
    }

    public List<TestResult> results(UUID dossierId) {
        access.visible(dossierId);
        return results.allFor(dossierId);
    }

    /**
     * The eHealth assessor's decision on a dossier IN_REVIEW (a SUBMITTED one is taken into review first). APPROVED needs a current PASS for every required
     * criterion and the app still at M1 or higher; REJECTED and INFO_REQUESTED need a reason.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public M2Dossier decide(UUID id, String ifMatch, Decision decision, String reason) {
        M2Dossier dossier = access.forUpdate(id);
        DossierService.checkOptionalMatch(ifMatch, dossier);
        if (dossier.state != DossierState.IN_REVIEW && dossier.state != DossierState.SUBMITTED) {
            throw StateConflictException.illegalTransition("decide on", dossier.state);
        }
        if (decision != Decision.APPROVED && (reason == null || reason.isBlank())) {
            throw new RuleViolationException("reason", "is required when the decision is " + decision);
        }
        if (dossier.state == DossierState.SUBMITTED) {
            history.record(dossier, "start-review", DossierState.IN_REVIEW, null);
        }
        switch (decision) {
            case APPROVED -> approve(dossier, reason);
            case REJECTED -> {
                history.record(dossier, "reject", DossierState.REJECTED, reason);
                decided(dossier, reason);
                outbox.publish(new M2Events.M2Rejected(dossier.appId, dossier.id, dossier.decisionReason,
                        dossier.decidedBy, dossier.decidedAt.toInstant()));
            }
            case INFO_REQUESTED -> history.record(dossier, "request-info", DossierState.INFO_REQUESTED, reason);
        }
        dossiers.flush();
        return dossier;
    }

    private void approve(M2Dossier dossier, String reason) {
        Map<Criterion, TestResult> current = results.currentFor(dossier.id).stream()
                .collect(Collectors.toMap(r -> r.criterion, Function.identity()));
        List<String> missing = dossier.criteria().stream()
                .filter(c -> current.get(c) == null || current.get(c).result != TestOutcome.PASS)
                .map(c -> c + (current.get(c) == null ? " (no result)" : " (FAIL)"))
                .toList();
        if (!missing.isEmpty()) {
            throw new StateConflictException("criteria-not-passed",
                    "cannot approve: every required criterion needs a current PASS; missing: "
                            + String.join(", ", missing),
                    dossier.state.name());
        }
        vendorSide.requireAppAtM1(dossier);
        history.record(dossier, "approve", DossierState.APPROVED, reason);
        decided(dossier, reason);
        outbox.publish(new M2Events.M2Granted(dossier.appId, dossier.id,
                dossier.criteria().stream().map(Criterion::name).toList(), dossier.decidedBy,
                dossier.decidedAt.toInstant()));
    }

    /** APPROVED → REVOKED, with a reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public M2Dossier revoke(UUID id, String ifMatch, String reason) {
        M2Dossier dossier = access.forUpdate(id);
        DossierService.checkOptionalMatch(ifMatch, dossier);
        if (dossier.state != DossierState.APPROVED) {
            throw StateConflictException.illegalTransition("revoke", dossier.state);
        }
        history.record(dossier, "revoke", DossierState.REVOKED, reason);
        outbox.publish(new M2Events.M2Revoked(dossier.appId, dossier.id, reason.strip(), caller.name(),
                dossier.updatedAt.toInstant()));
        dossiers.flush();
        return dossier;
    }

    private void decided(M2Dossier dossier, String reason) {
        dossier.decidedBy = caller.name();
        dossier.decidedAt = dossier.updatedAt;
        dossier.decisionReason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
