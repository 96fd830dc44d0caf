package be.mhealth.pyramid.m3.domain;

/** One clinical study offered as evidence; {@code reference} is e.g. a DOI. */
public record Study(StudyDesign design, int patients, String primaryOutcome, String result, String reference) {
}
