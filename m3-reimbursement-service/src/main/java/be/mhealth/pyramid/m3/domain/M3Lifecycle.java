package be.mhealth.pyramid.m3.domain;

import static be.mhealth.pyramid.m3.domain.M3DossierAction.APPROVE_DEFINITIVE;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.APPROVE_TEMPORARY;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.CLOSE;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.CREATE;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.DECLARE_ADMISSIBLE;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.DECLARE_INADMISSIBLE;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.DECLINE;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.EXPIRE;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.EXTEND_EVALUATION;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.LAPSE_CLARIFICATION;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.REQUEST_CLARIFICATION;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.REVOKE;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.SUBMIT;
import static be.mhealth.pyramid.m3.domain.M3DossierAction.WITHDRAW;
import static be.mhealth.pyramid.m3.domain.M3DossierState.APPROVED_DEFINITIVE;
import static be.mhealth.pyramid.m3.domain.M3DossierState.APPROVED_TEMPORARY;
import static be.mhealth.pyramid.m3.domain.M3DossierState.CLARIFICATION_REQUESTED;
import static be.mhealth.pyramid.m3.domain.M3DossierState.CLOSED;
import static be.mhealth.pyramid.m3.domain.M3DossierState.DECLINED;
import static be.mhealth.pyramid.m3.domain.M3DossierState.DRAFT;
import static be.mhealth.pyramid.m3.domain.M3DossierState.ENDED;
import static be.mhealth.pyramid.m3.domain.M3DossierState.INADMISSIBLE;
import static be.mhealth.pyramid.m3.domain.M3DossierState.IN_EVALUATION;
import static be.mhealth.pyramid.m3.domain.M3DossierState.SUBMITTED;
import static be.mhealth.pyramid.m3.domain.M3DossierState.WITHDRAWN;

import be.mhealth.pyramid.support.dossier.Lifecycle;

/**
 * NIHDI's procedure, the only place that allows a transition:
 *
 * <pre>
 * (none) --CREATE--> DRAFT --SUBMIT--> SUBMITTED --DECLARE_INADMISSIBLE--> INADMISSIBLE
 * SUBMITTED --DECLARE_ADMISSIBLE--> IN_EVALUATION --EXTEND_EVALUATION--> IN_EVALUATION (once: M3Rules)
 * IN_EVALUATION --REQUEST_CLARIFICATION--> CLARIFICATION_REQUESTED --SUBMIT | LAPSE_CLARIFICATION--> IN_EVALUATION
 * IN_EVALUATION --APPROVE_TEMPORARY--> APPROVED_TEMPORARY --APPROVE_DEFINITIVE--> APPROVED_DEFINITIVE
 * IN_EVALUATION --APPROVE_DEFINITIVE--> APPROVED_DEFINITIVE
 * IN_EVALUATION --DECLINE--> DECLINED
 * APPROVED_TEMPORARY --EXPIRE | REVOKE--> ENDED;  APPROVED_DEFINITIVE --REVOKE--> ENDED
 * DRAFT | SUBMITTED | IN_EVALUATION | CLARIFICATION_REQUESTED --WITHDRAW--> WITHDRAWN
 * DRAFT | SUBMITTED | IN_EVALUATION | CLARIFICATION_REQUESTED | APPROVED_* --CLOSE--> CLOSED (the app left the market)
 * </pre>
 */
public final class M3Lifecycle {

    public static final Lifecycle<M3DossierState, M3DossierAction> TABLE = Lifecycle
            .of(M3DossierState.class, M3DossierAction.class, CREATE, DRAFT)
            .allow(DRAFT, SUBMIT, SUBMITTED)
            .allow(DRAFT, WITHDRAW, WITHDRAWN)
            .allow(SUBMITTED, DECLARE_ADMISSIBLE, IN_EVALUATION)
            .allow(SUBMITTED, DECLARE_INADMISSIBLE, INADMISSIBLE)
            .allow(SUBMITTED, WITHDRAW, WITHDRAWN)
            .allow(IN_EVALUATION, EXTEND_EVALUATION, IN_EVALUATION)
            .allow(IN_EVALUATION, REQUEST_CLARIFICATION, CLARIFICATION_REQUESTED)
            .allow(IN_EVALUATION, APPROVE_TEMPORARY, APPROVED_TEMPORARY)
            .allow(IN_EVALUATION, APPROVE_DEFINITIVE, APPROVED_DEFINITIVE)
            .allow(IN_EVALUATION, DECLINE, DECLINED)
            .allow(IN_EVALUATION, WITHDRAW, WITHDRAWN)
            .allow(CLARIFICATION_REQUESTED, SUBMIT, IN_EVALUATION)
            .allow(CLARIFICATION_REQUESTED, LAPSE_CLARIFICATION, IN_EVALUATION)
            .allow(CLARIFICATION_REQUESTED, WITHDRAW, WITHDRAWN)
            .allow(APPROVED_TEMPORARY, APPROVE_DEFINITIVE, APPROVED_DEFINITIVE)
            .allow(APPROVED_TEMPORARY, EXPIRE, ENDED)
            .allow(APPROVED_TEMPORARY, REVOKE, ENDED)
            .allow(APPROVED_DEFINITIVE, REVOKE, ENDED)
            .allow(DRAFT, CLOSE, CLOSED)
            .allow(SUBMITTED, CLOSE, CLOSED)
            .allow(IN_EVALUATION, CLOSE, CLOSED)
            .allow(CLARIFICATION_REQUESTED, CLOSE, CLOSED)
            .allow(APPROVED_TEMPORARY, CLOSE, CLOSED)
            .allow(APPROVED_DEFINITIVE, CLOSE, CLOSED)
            .build();

    private M3Lifecycle() {
    }
}
