package be.mhealth.pyramid.m1.domain;

/** What moves an M1 dossier from one state to the next; each is a line of its history. */
public enum M1DossierAction {
    /** The vendor opened the dossier (no state before it). */
    CREATE,
    /** The vendor submits a draft, or re-submits after an information request. */
    SUBMIT,
    /** FAMHP takes a submitted dossier into review (implicitly, with its first decision). */
    START_REVIEW,
    REQUEST_INFO,
    APPROVE,
    REJECT,
    /** The vendor withdraws a dossier that is not decided. */
    WITHDRAW,
    /** FAMHP revokes an active grant. */
    REVOKE,
    /**
     * The certificate behind an active grant is no longer valid: it passed its expiry date (the expiry job), or
     * FAMHP established that it expired earlier.
     */
    EXPIRE,
    /** The approval of a renewal dossier replaced this grant (APPROVED → RENEWED). */
    RENEW,
    /** FAMHP extended the certificate's validity, on a legal basis (APPROVED stays APPROVED). */
    EXTEND,
    /**
     * The vendor declared a version with a significant change for M1 (intended purpose, device class): the grant
     * awaits FAMHP's re-assessment (APPROVED stays APPROVED; nothing falls automatically).
     */
    REQUEST_REASSESSMENT,
    /** FAMHP confirmed the grant after a re-assessment (APPROVED stays APPROVED). */
    CONFIRM,
    /** The vendor took the app off the market: the service closes its open dossier and its grant. */
    CLOSE
}
