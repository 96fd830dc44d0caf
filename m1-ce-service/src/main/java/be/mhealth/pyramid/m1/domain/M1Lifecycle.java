package be.mhealth.pyramid.m1.domain;

import static be.mhealth.pyramid.m1.domain.M1DossierAction.APPROVE;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.CREATE;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.CLOSE;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.CONFIRM;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.REQUEST_REASSESSMENT;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.EXPIRE;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.EXTEND;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.REJECT;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.RENEW;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.REQUEST_INFO;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.REVOKE;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.START_REVIEW;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.SUBMIT;
import static be.mhealth.pyramid.m1.domain.M1DossierAction.WITHDRAW;
import static be.mhealth.pyramid.m1.domain.M1DossierState.APPROVED;
import static be.mhealth.pyramid.m1.domain.M1DossierState.CLOSED;
import static be.mhealth.pyramid.m1.domain.M1DossierState.DRAFT;
import static be.mhealth.pyramid.m1.domain.M1DossierState.EXPIRED;
import static be.mhealth.pyramid.m1.domain.M1DossierState.INFO_REQUESTED;
import static be.mhealth.pyramid.m1.domain.M1DossierState.IN_REVIEW;
import static be.mhealth.pyramid.m1.domain.M1DossierState.REJECTED;
import static be.mhealth.pyramid.m1.domain.M1DossierState.RENEWED;
import static be.mhealth.pyramid.m1.domain.M1DossierState.REVOKED;
import static be.mhealth.pyramid.m1.domain.M1DossierState.SUBMITTED;
import static be.mhealth.pyramid.m1.domain.M1DossierState.WITHDRAWN;

import be.mhealth.pyramid.support.dossier.Lifecycle;

/**
 * The M1 life cycle, the only place that allows a transition:
 *
 * <pre>
 * (none) --CREATE--> DRAFT --SUBMIT--> SUBMITTED --START_REVIEW--> IN_REVIEW
 * IN_REVIEW --REQUEST_INFO--> INFO_REQUESTED --SUBMIT--> IN_REVIEW
 * IN_REVIEW --APPROVE--> APPROVED --REVOKE--> REVOKED
 *                                 --EXPIRE--> EXPIRED
 *                                 --RENEW--> RENEWED   (its renewal was approved)
 *                                 --EXTEND--> APPROVED (FAMHP extended the certificate's validity)
 *                                 --REQUEST_REASSESSMENT--> APPROVED (a significant change was declared)
 *                                 --CONFIRM--> APPROVED (FAMHP confirmed it after the re-assessment)
 * DRAFT | SUBMITTED | IN_REVIEW | INFO_REQUESTED | APPROVED --CLOSE--> CLOSED (the app left the market)
 * IN_REVIEW --REJECT--> REJECTED
 * DRAFT | SUBMITTED | IN_REVIEW | INFO_REQUESTED --WITHDRAW--> WITHDRAWN
 * </pre>
 *
 * A decision on a SUBMITTED dossier takes it into review first (START_REVIEW), so both steps are in the history.
 */
public final class M1Lifecycle {

    public static final Lifecycle<M1DossierState, M1DossierAction> TABLE = Lifecycle
            .of(M1DossierState.class, M1DossierAction.class, CREATE, DRAFT)
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
            .allow(APPROVED, EXPIRE, EXPIRED)
            .allow(APPROVED, RENEW, RENEWED)
            .allow(APPROVED, EXTEND, APPROVED)
            .allow(APPROVED, REQUEST_REASSESSMENT, APPROVED)
            .allow(APPROVED, CONFIRM, APPROVED)
            .allow(DRAFT, CLOSE, CLOSED)
            .allow(SUBMITTED, CLOSE, CLOSED)
            .allow(IN_REVIEW, CLOSE, CLOSED)
            .allow(INFO_REQUESTED, CLOSE, CLOSED)
            .allow(APPROVED, CLOSE, CLOSED)
            .build();

    private M1Lifecycle() {
    }
}
