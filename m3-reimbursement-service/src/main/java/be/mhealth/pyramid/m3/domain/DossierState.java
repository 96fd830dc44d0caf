package be.mhealth.pyramid.m3.domain;

import java.util.EnumSet;
import java.util.Set;

/** The states of a reimbursement dossier; see {@link ReimbursementDossier} for the transitions. */
public enum DossierState {
    DRAFT, SUBMITTED, IN_EVALUATION, CLARIFICATION_REQUESTED, INADMISSIBLE, APPROVED_TEMPORARY, APPROVED_DEFINITIVE,
    DECLINED, WITHDRAWN, ENDED;

    /** The states in which a dossier is over; an app may have one dossier that is not (a unique index). */
    public static final Set<DossierState> CLOSED = EnumSet.of(INADMISSIBLE, DECLINED, WITHDRAWN, ENDED);
}
