package be.mhealth.pyramid.m1.domain;

/** The GDPR chapter V ground for a transfer to a third country. */
public enum TransferMechanism {
    ADEQUACY_DECISION, STANDARD_CONTRACTUAL_CLAUSES, BINDING_CORPORATE_RULES, CODE_OF_CONDUCT, CERTIFICATION,
    DEROGATION
}
