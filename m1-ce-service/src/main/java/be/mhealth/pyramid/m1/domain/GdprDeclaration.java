package be.mhealth.pyramid.m1.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The vendor's GDPR self-declaration. */
@Embeddable
public class GdprDeclaration {

    @Column(name = "dpo_contact", nullable = false)
    public String dpoContact;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis", nullable = false)
    public LegalBasis legalBasis;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_area", nullable = false)
    public DataArea dataArea;

    /** ISO 3166-1 alpha-2 code of the third country; null inside the EU/EEA. */
    @Column(name = "data_country")
    public String dataCountry;

    /** Null inside the EU/EEA. */
    @Enumerated(EnumType.STRING)
    @Column(name = "transfer_mechanism")
    public TransferMechanism transferMechanism;

    @Column(name = "privacy_policy_url", nullable = false)
    public String privacyPolicyUrl;
}
