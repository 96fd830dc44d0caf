package be.mhealth.pyramid.m3.domain;

/** The states of a reimbursement dossier; see {@link ReimbursementDossier} for the transitions. */
public enum DossierState {
    DRAFT, SUBMITTED, IN_EVALUATION, CLARIFICATION_REQUESTED, INADMISSIBLE, APPROVED_TEMPORARY, APPROVED_DEFINITIVE,
    DECLINED, WITHDRAWN, ENDED
}
