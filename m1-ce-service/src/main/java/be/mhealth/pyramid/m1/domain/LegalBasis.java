package be.mhealth.pyramid.m1.domain;

/** The GDPR (article 6) legal basis of the processing. */
public enum LegalBasis {
    CONSENT, CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS, PUBLIC_TASK, LEGITIMATE_INTERESTS
}
