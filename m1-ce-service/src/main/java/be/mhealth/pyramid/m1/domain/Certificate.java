package be.mhealth.pyramid.m1.domain;

import java.time.LocalDate;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The CE certificate a dossier is based on. */
@Embeddable
public class Certificate {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Regulation regulation;

    @Enumerated(EnumType.STRING)
    @Column(name = "device_class", nullable = false)
    public DeviceClass deviceClass;

    /** The notified body's four-digit number; null for class I. */
    @Column(name = "notified_body")
    public String notifiedBody;

    @Column(name = "certificate_number", nullable = false)
    public String number;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    @Column(name = "expires_on", nullable = false)
    public LocalDate expiresOn;

    @Column(name = "udi_di", nullable = false)
    public String udiDi;

    /** Language code → text. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "intended_purpose", nullable = false, columnDefinition = "jsonb")
    public Map<String, String> intendedPurpose;
}
