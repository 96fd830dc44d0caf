package be.mhealth.pyramid.m2.domain;

/** What moves an M2 dossier from one state to the next; each is a line of its history. */
public enum M2DossierAction {
    /** The vendor opened the dossier (no state before it). */
    CREATE,
    /** The vendor submits a draft, or re-submits after an information request. */
    SUBMIT,
    /** The eHealth platform takes a submitted dossier into review (explicitly, or with its first decision). */
    START_REVIEW,
    REQUEST_INFO,
    APPROVE,
    REJECT,
    /** The vendor withdraws a dossier that is not decided. */
    WITHDRAW,
    /** The eHealth platform revokes an active grant. */
    REVOKE,
    /**
     * The vendor declared a version with a significant change for M2 (data flows, hosting, authentication): the grant
     * awaits the eHealth platform's re-assessment (APPROVED stays APPROVED; nothing falls automatically).
     */
    REQUEST_REASSESSMENT,
    /** The eHealth platform confirmed the grant after a re-assessment (APPROVED stays APPROVED). */
    CONFIRM,
    /** The vendor took the app off the market: the service closes its open dossier and its grant. */
    CLOSE
}
