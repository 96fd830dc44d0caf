package be.mhealth.pyramid.m3.domain;

/** The procedure step a dossier is in, each with its own statutory clock. */
public enum Step {
    /** NIHDI checks admissibility: 30 days from submission. */
    ADMISSIBILITY,
    /** NIHDI evaluates: 180 days (270 when extended) from admissibility, plus the days the clock stood still. */
    EVALUATION,
    /** The vendor answers a clarification request: the evaluation clock stands still for at most 30 days. */
    CLARIFICATION
}
