package be.mhealth.pyramid.m3.domain;

/** What moves an M3 dossier from one state to the next; each is a line of its history. */
public enum M3DossierAction {
    /** The vendor opened the dossier (no state before it). */
    CREATE,
    /** The vendor submits a draft (the admissibility clock starts), or answers a clarification request. */
    SUBMIT,
    /** The vendor withdraws a dossier NIHDI has not decided. */
    WITHDRAW,
    /** NIHDI finds the dossier admissible: the evaluation clock starts. */
    DECLARE_ADMISSIBLE,
    DECLARE_INADMISSIBLE,
    /** NIHDI extends the evaluation from 180 to 270 days, once (the state stays IN_EVALUATION). */
    EXTEND_EVALUATION,
    /** NIHDI asks the vendor a question: the evaluation clock stops. */
    REQUEST_CLARIFICATION,
    /** A clarification request unanswered for 30 days lapses (the clock job): the evaluation resumes. */
    LAPSE_CLARIFICATION,
    /** "M3 light": a temporary reimbursement with an end date. */
    APPROVE_TEMPORARY,
    /** "M3 plus": a definitive reimbursement (also after a temporary one). */
    APPROVE_DEFINITIVE,
    DECLINE,
    /** NIHDI ends an approved reimbursement by a later decision ({@code POST …/revocation}). */
    REVOKE,
    /** A temporary reimbursement passed its end date without a definitive decision (the clock job). */
    EXPIRE,
    /**
     * The vendor took the app off the market: the service closes its open dossier or its reimbursement (the registry
     * ended the grant; no {@code m3.ended}).
     */
    CLOSE
}
