package be.mhealth.pyramid.registry.domain;

/**
 * The codes the level services put into their grants' facts that the registry labels for the public (M1's
 * regulation and GDPR declaration, M3's financing unit). They travel as texts: a code this version does not know is
 * shown as it came.
 */
public final class GrantCodes {
    private GrantCodes() {
    }

    public enum Regulation {
        MDR, MDD
    }

    /** GDPR article 6. */
    public enum LegalBasis {
        CONSENT, CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS, PUBLIC_TASK, LEGITIMATE_INTERESTS
    }

    public enum DataArea {
        EU_EEA, THIRD_COUNTRY
    }

    /** GDPR chapter V. */
    public enum TransferMechanism {
        ADEQUACY_DECISION, STANDARD_CONTRACTUAL_CLAUSES, BINDING_CORPORATE_RULES, CODE_OF_CONDUCT, CERTIFICATION,
        DEROGATION
    }

    public enum ReimbursementUnit {
        PER_PATIENT_PER_MONTH, PER_PATIENT_PER_YEAR, PER_PATIENT_ONCE
    }
}
