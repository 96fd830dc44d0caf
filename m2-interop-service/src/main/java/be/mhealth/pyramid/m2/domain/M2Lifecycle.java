package be.mhealth.pyramid.m2.domain;

import static be.mhealth.pyramid.m2.domain.M2DossierAction.APPROVE;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.CLOSE;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.CONFIRM;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.CREATE;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.REJECT;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.REQUEST_INFO;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.REQUEST_REASSESSMENT;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.REVOKE;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.START_REVIEW;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.SUBMIT;
import static be.mhealth.pyramid.m2.domain.M2DossierAction.WITHDRAW;
import static be.mhealth.pyramid.m2.domain.M2DossierState.APPROVED;
import static be.mhealth.pyramid.m2.domain.M2DossierState.CLOSED;
import static be.mhealth.pyramid.m2.domain.M2DossierState.DRAFT;
import static be.mhealth.pyramid.m2.domain.M2DossierState.INFO_REQUESTED;
import static be.mhealth.pyramid.m2.domain.M2DossierState.IN_REVIEW;
import static be.mhealth.pyramid.m2.domain.M2DossierState.REJECTED;
import static be.mhealth.pyramid.m2.domain.M2DossierState.REVOKED;
import static be.mhealth.pyramid.m2.domain.M2DossierState.SUBMITTED;
import static be.mhealth.pyramid.m2.domain.M2DossierState.WITHDRAWN;

import be.mhealth.pyramid.support.dossier.Lifecycle;

/**
 * The M2 life cycle, the only place that allows a transition:
 *
 * <pre>
 * (none) --CREATE--> DRAFT --SUBMIT--> SUBMITTED --START_REVIEW--> IN_REVIEW
 * IN_REVIEW --REQUEST_INFO--> INFO_REQUESTED --SUBMIT--> IN_REVIEW
 * IN_REVIEW --APPROVE--> APPROVED --REVOKE--> REVOKED
 *                                 --REQUEST_REASSESSMENT--> APPROVED (a significant change was declared)
 *                                 --CONFIRM--> APPROVED (the eHealth platform confirmed it after the re-assessment)
 * DRAFT | SUBMITTED | IN_REVIEW | INFO_REQUESTED | APPROVED --CLOSE--> CLOSED (the app left the market)
 * IN_REVIEW --REJECT--> REJECTED
 * DRAFT | SUBMITTED | IN_REVIEW | INFO_REQUESTED --WITHDRAW--> WITHDRAWN
 * </pre>
 *
 * A decision on a SUBMITTED dossier takes it into review first (START_REVIEW), so both steps are in the history.
 */
public final class M2Lifecycle {

    public static final Lifecycle<M2DossierState, M2DossierAction> TABLE = Lifecycle
            .of(M2DossierState.class, M2DossierAction.class, CREATE, DRAFT)
            .allow(DRAFT, SUBMIT, SUBMITTED)
            .allow(DRAFT, WITHDRAW, WITHDRAWN)
            .allow(SUBMITTED, START_REVIEW, IN_REVIEW)
            .allow(SUBMITTED, WITHDRAW, WITHDRAWN)
            .allow(IN_REVIEW, REQUEST_INFO, INFO_REQUESTED)
            .allow(IN_REVIEW, APPROVE, APPROVED)
            .allow(IN_REVIEW, REJECT, REJECTED)
            .allow(IN_REVIEW, WITHDRAW, WITHDRAWN)
            .allow(INFO_REQUESTED, SUBMIT, IN_REVIEW)
            .allow(INFO_REQUESTED, WITHDRAW, WITHDRAWN)
            .allow(APPROVED, REVOKE, REVOKED)
            .allow(APPROVED, REQUEST_REASSESSMENT, APPROVED)
            .allow(APPROVED, CONFIRM, APPROVED)
            .allow(DRAFT, CLOSE, CLOSED)
            .allow(SUBMITTED, CLOSE, CLOSED)
            .allow(IN_REVIEW, CLOSE, CLOSED)
            .allow(INFO_REQUESTED, CLOSE, CLOSED)
            .allow(APPROVED, CLOSE, CLOSED)
            .build();

    private M2Lifecycle() {
    }
}
