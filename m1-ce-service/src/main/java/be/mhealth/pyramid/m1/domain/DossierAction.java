package be.mhealth.pyramid.m1.domain;

/** What moves a dossier from one state to the next; each is recorded in its history. */
public enum DossierAction {
    /** The vendor opened the dossier (history only: no state before it). */
    CREATE,
    /** The vendor submits a draft, or re-submits after an information request. */
    SUBMIT,
    /** The assessor takes a submitted dossier into review (implicitly, with the first decision). */
    START_REVIEW,
    REQUEST_INFO,
    APPROVE,
    REJECT,
    /** The vendor withdraws a dossier that is not decided. */
    WITHDRAW,
    /** The assessor revokes an active grant. */
    REVOKE,
    /**
     * The certificate behind an active grant is no longer valid: it passed its expiry date, or FAMHP established
     * that it expired earlier.
     */
    EXPIRE
}
