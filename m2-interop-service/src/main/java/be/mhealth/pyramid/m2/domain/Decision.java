package be.mhealth.pyramid.m2.domain;

/** What an eHealth assessor decides on a dossier in review. */
public enum Decision {
    APPROVED, REJECTED, INFO_REQUESTED
}
