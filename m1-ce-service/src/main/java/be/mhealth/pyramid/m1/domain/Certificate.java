package be.mhealth.pyramid.m1.domain;

import java.time.LocalDate;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The CE certificate a dossier is based on, as the vendor declared it.
 *
 * @param notifiedBody the notified body's four-digit number; null for class I
 * @param intendedPurpose language code → text
 */
@Embeddable
public record Certificate(
        @Enumerated(EnumType.STRING) @Column(nullable = false) Regulation regulation,
        @Enumerated(EnumType.STRING) @Column(name = "device_class", nullable = false) DeviceClass deviceClass,
        @Column(name = "notified_body") String notifiedBody,
        @Column(name = "certificate_number", nullable = false) String number,
        @Column(name = "issued_on", nullable = false) LocalDate issuedOn,
        @Column(name = "expires_on", nullable = false) LocalDate expiresOn,
        @Column(name = "udi_di", nullable = false) String udiDi,
        @JdbcTypeCode(SqlTypes.JSON) @Column(name = "intended_purpose", nullable = false, columnDefinition = "jsonb")
        Map<String, String> intendedPurpose) {

    public Certificate {
        intendedPurpose = intendedPurpose == null ? null : Map.copyOf(intendedPurpose);
    }

    /** The same certificate, valid until {@code until} (an extension of its validity). */
    public Certificate validUntil(LocalDate until) {
        return new Certificate(regulation, deviceClass, notifiedBody, number, issuedOn, until, udiDi, intendedPurpose);
    }
}
