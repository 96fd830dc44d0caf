package be.mhealth.pyramid.m3.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The procedure step a dossier is in, each with its own statutory clock. */
@Schema(name = "M3ProcedureStep", description = "The step of NIHDI's procedure whose clock runs")
public enum Step {
    /** NIHDI checks admissibility: 30 days from submission. */
    ADMISSIBILITY,
    /** NIHDI evaluates: 180 days (270 when extended) from admissibility, plus the days the clock stood still. */
    EVALUATION,
    /** The vendor answers a clarification request: the evaluation clock stands still for at most 30 days. */
    CLARIFICATION
}
