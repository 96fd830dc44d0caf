package be.mhealth.pyramid.m3.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where an M3 dossier stands in NIHDI's procedure ({@link M3Lifecycle} says how it moves). */
public enum M3DossierState {
    DRAFT, SUBMITTED, IN_EVALUATION, CLARIFICATION_REQUESTED, INADMISSIBLE, APPROVED_TEMPORARY, APPROVED_DEFINITIVE,
    DECLINED, WITHDRAWN, ENDED,
    /** Closed because the vendor took the app off the market (an open dossier and a reimbursement alike). */
    CLOSED;

    /** The states in which a dossier is over; an app may have one dossier that is not (a partial unique index). */
    public static final Set<M3DossierState> FINAL = EnumSet.of(INADMISSIBLE, DECLINED, WITHDRAWN, ENDED, CLOSED);

    /** States waiting for NIHDI: the review queue. */
    public static final Set<M3DossierState> IN_QUEUE = EnumSet.of(SUBMITTED, IN_EVALUATION);

    /** The vendor may change the dossier's evidence. */
    public boolean editable() {
        return this == DRAFT || this == CLARIFICATION_REQUESTED;
    }
}
