package be.mhealth.pyramid.m2.domain;

/** The outcome of an eHealth assessor's decision. */
public enum Decision {
    APPROVED, REJECTED, INFO_REQUESTED
}
