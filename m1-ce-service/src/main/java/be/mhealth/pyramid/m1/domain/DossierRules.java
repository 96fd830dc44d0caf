package be.mhealth.pyramid.m1.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import be.mhealth.pyramid.support.problem.Problem.FieldError;
import be.mhealth.pyramid.support.problem.RuleViolationException;

/**
 * The business rules of a dossier's content (422 naming the field, as JSON paths of the request). Shape rules
 * (required fields, formats) are bean validation on the request (400).
 */
public final class DossierRules {

    /** The MDR's date of application: no MDD certificate was issued from this day on. */
    public static final LocalDate MDR_APPLICATION_DATE = LocalDate.of(2021, 5, 26);

    /** EU member states and the EEA's Iceland, Liechtenstein and Norway (ISO 3166-1; Greece also as EL). */
    private static final Set<String> EU_EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
            "DE", "GR", "EL", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "IS", "LI", "NO");

    private DossierRules() {
    }

    /** Checked on every create and update. */
    public static void requireValidContent(Certificate certificate, GdprDeclaration gdpr, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (!certificate.expiresOn.isAfter(certificate.issuedOn)) {
            errors.add(new FieldError("certificate.expiresOn", "must be after certificate.issuedOn"));
        }
        if (certificate.issuedOn.isAfter(today)) {
            errors.add(new FieldError("certificate.issuedOn", "must not be in the future"));
        }
        if (certificate.deviceClass.needsNotifiedBody() && certificate.notifiedBody == null) {
            errors.add(new FieldError("certificate.notifiedBody",
                    "is required for class " + certificate.deviceClass + " devices"));
        }
        if (!certificate.deviceClass.existsUnder(certificate.regulation)) {
            errors.add(new FieldError("certificate.deviceClass",
                    "class " + certificate.deviceClass + " exists only under the MDR"));
        }
        if (certificate.regulation == Regulation.MDD && !certificate.issuedOn.isBefore(MDR_APPLICATION_DATE)) {
            errors.add(new FieldError("certificate.issuedOn",
                    "MDD certificates were not issued from " + MDR_APPLICATION_DATE + " on; use MDR"));
        }
        if (gdpr.dataArea == DataArea.THIRD_COUNTRY) {
            if (gdpr.dataCountry == null) {
                errors.add(new FieldError("gdpr.dataLocation.country", "is required for a third country"));
            } else if (EU_EEA.contains(gdpr.dataCountry)) {
                errors.add(new FieldError("gdpr.dataLocation.country",
                        gdpr.dataCountry + " is in the EU/EEA; use area EU_EEA"));
            }
            if (gdpr.transferMechanism == null) {
                errors.add(new FieldError("gdpr.dataLocation.transferMechanism",
                        "is required for a transfer to a third country"));
            }
        } else {
            if (gdpr.dataCountry != null) {
                errors.add(new FieldError("gdpr.dataLocation.country", "must be absent for area EU_EEA"));
            }
            if (gdpr.transferMechanism != null) {
                errors.add(new FieldError("gdpr.dataLocation.transferMechanism", "must be absent for area EU_EEA"));
            }
        }
        throwIfAny(errors);
    }

    /** Checked at submission: a certificate still valid, and the CE certificate attached. */
    public static void requireSubmittable(Certificate certificate, Collection<AttachmentKind> attached,
            LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        requireUnexpired(certificate, today, errors);
        if (!attached.contains(AttachmentKind.CE_CERTIFICATE)) {
            errors.add(new FieldError("attachments", "a CE_CERTIFICATE attachment is required for submission"));
        }
        throwIfAny(errors);
    }

    /** Checked at approval: an expired certificate cannot be granted. */
    public static void requireGrantable(Certificate certificate, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        requireUnexpired(certificate, today, errors);
        throwIfAny(errors);
    }

    /**
     * Checked when FAMHP records that the certificate behind a grant expired earlier than the dossier states: its
     * last day of validity lies before today, within the certificate's term on record.
     */
    public static void requireEarlierExpiry(Certificate certificate, LocalDate lastValidDay, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (!lastValidDay.isBefore(today)) {
            errors.add(new FieldError("expiredOn", "must be before today (" + today
                    + "): a certificate valid today has not expired; revoke the grant if it must end now"));
        }
        if (lastValidDay.isBefore(certificate.issuedOn)) {
            errors.add(new FieldError("expiredOn",
                    "must not be before the certificate's issue date (" + certificate.issuedOn + ")"));
        }
        if (lastValidDay.isAfter(certificate.expiresOn)) {
            errors.add(new FieldError("expiredOn",
                    "must not be after the expiry date on record (" + certificate.expiresOn + ")"));
        }
        throwIfAny(errors);
    }

    /** True when the certificate behind a grant has expired: its expiry date lies before {@code today}. */
    public static boolean lapsed(Certificate certificate, LocalDate today) {
        return certificate.expiresOn.isBefore(today);
    }

    private static void requireUnexpired(Certificate certificate, LocalDate today, List<FieldError> errors) {
        if (!certificate.expiresOn.isAfter(today)) {
            errors.add(new FieldError("certificate.expiresOn", "must be in the future (after " + today + ")"));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new RuleViolationException(errors);
        }
    }
}
