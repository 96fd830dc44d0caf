package be.mhealth.pyramid.m1.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The vendor's GDPR self-declaration.
 *
 * @param dataCountry ISO 3166-1 alpha-2 code of the third country; null inside the EU/EEA
 * @param transferMechanism the GDPR chapter V ground of the transfer; null inside the EU/EEA
 */
@Embeddable
public record GdprDeclaration(
        @Column(name = "dpo_contact", nullable = false) String dpoContact,
        @Enumerated(EnumType.STRING) @Column(name = "legal_basis", nullable = false) LegalBasis legalBasis,
        @Enumerated(EnumType.STRING) @Column(name = "data_area", nullable = false) DataArea dataArea,
        @Column(name = "data_country") String dataCountry,
        @Enumerated(EnumType.STRING) @Column(name = "transfer_mechanism") TransferMechanism transferMechanism,
        @Column(name = "privacy_policy_url", nullable = false) String privacyPolicyUrl) {
}
