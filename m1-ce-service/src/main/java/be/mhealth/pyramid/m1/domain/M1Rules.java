package be.mhealth.pyramid.m1.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import be.mhealth.pyramid.support.problem.Problem.FieldError;
import be.mhealth.pyramid.support.problem.RuleViolationException;

/**
 * What M1 evidence must satisfy (422 naming the field as a JSON path of the request). Shape rules (required
 * fields, formats, lengths) are bean validation on the request (400).
 */
public final class M1Rules {

    /** Directive 93/42/EEC (MDD) was adopted on this day: no CE certificate of a medical device is older. */
    public static final LocalDate MDD_ADOPTED = LocalDate.of(1993, 6, 14);
    /** Regulation (EU) 2017/745 (MDR) entered into force: no MDR certificate is older. */
    public static final LocalDate MDR_IN_FORCE = LocalDate.of(2017, 5, 25);
    /** The MDR's date of application: no MDD certificate was issued from this day on. */
    public static final LocalDate MDR_APPLICATION_DATE = LocalDate.of(2021, 5, 26);
    /**
     * Regulation (EU) 2023/607 extends legacy MDD certificates (under conditions) at the latest to this day, so an
     * MDD certificate may be declared valid until then even when that is more than five years after its issue.
     */
    public static final LocalDate MDD_EXTENDED_AT_MOST_UNTIL = LocalDate.of(2028, 12, 31);
    /** A notified body's certificate is valid for at most five years (MDR art. 56(2); MDD art. 11(11)). */
    public static final int MAX_VALIDITY_YEARS = 5;

    /** EU member states and the EEA's Iceland, Liechtenstein and Norway (ISO 3166-1; Greece also as EL). */
    private static final Set<String> EU_EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR",
            "DE", "GR", "EL", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
            "IS", "LI", "NO");

    private M1Rules() {
    }

    /** Checked whenever evidence is opened or replaced. */
    public static void requireValidEvidence(M1Evidence evidence, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        certificate(evidence.certificate(), today, errors);
        gdpr(evidence.gdpr(), errors);
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
        if (lastValidDay.isBefore(certificate.issuedOn())) {
            errors.add(new FieldError("expiredOn",
                    "must not be before the certificate's issue date (" + certificate.issuedOn() + ")"));
        }
        if (lastValidDay.isAfter(certificate.expiresOn())) {
            errors.add(new FieldError("expiredOn",
                    "must not be after the expiry date on record (" + certificate.expiresOn() + ")"));
        }
        throwIfAny(errors);
    }

    /** Checked when a renewal is opened: its certificate must outlast the one behind the grant it renews. */
    public static void requireRenewing(Certificate renewal, Certificate current) {
        if (!renewal.expiresOn().isAfter(current.expiresOn())) {
            throw new RuleViolationException("certificate.expiresOn", "a renewal's certificate must expire after the "
                    + "current one (" + current.expiresOn() + ")");
        }
    }

    /**
     * Checked when FAMHP extends a certificate's validity: later than the expiry date on record, and within what a
     * certificate can carry — five years from today, and for an MDD certificate no later than
     * {@link #MDD_EXTENDED_AT_MOST_UNTIL} (Regulation (EU) 2023/607).
     */
    public static void requireExtension(Certificate certificate, LocalDate until, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (!until.isAfter(certificate.expiresOn())) {
            errors.add(new FieldError("expiresOn", "must be after the expiry date on record ("
                    + certificate.expiresOn() + ")"));
        }
        if (until.isAfter(today.plusYears(MAX_VALIDITY_YEARS))) {
            errors.add(new FieldError("expiresOn", "a certificate is valid for at most " + MAX_VALIDITY_YEARS
                    + " years: at the latest " + today.plusYears(MAX_VALIDITY_YEARS)));
        } else if (certificate.regulation() == Regulation.MDD && until.isAfter(MDD_EXTENDED_AT_MOST_UNTIL)) {
            errors.add(new FieldError("expiresOn", "an MDD certificate can be extended at the latest until "
                    + MDD_EXTENDED_AT_MOST_UNTIL + " (Regulation (EU) 2023/607)"));
        }
        throwIfAny(errors);
    }

    /** True when the certificate behind a grant has expired: its expiry date lies before {@code today}. */
    public static boolean lapsed(Certificate certificate, LocalDate today) {
        return certificate.expiresOn().isBefore(today);
    }

    /** The latest expiry date a certificate issued on {@code issuedOn} under {@code regulation} can carry. */
    public static LocalDate latestExpiry(Regulation regulation, LocalDate issuedOn) {
        LocalDate fiveYears = issuedOn.plusYears(MAX_VALIDITY_YEARS);
        return regulation == Regulation.MDD && fiveYears.isBefore(MDD_EXTENDED_AT_MOST_UNTIL)
                ? MDD_EXTENDED_AT_MOST_UNTIL : fiveYears;
    }

    private static void certificate(Certificate certificate, LocalDate today, List<FieldError> errors) {
        LocalDate issuedOn = certificate.issuedOn();
        LocalDate expiresOn = certificate.expiresOn();
        Regulation regulation = certificate.regulation();
        if (!expiresOn.isAfter(issuedOn)) {
            errors.add(new FieldError("certificate.expiresOn", "must be after certificate.issuedOn"));
        } else if (expiresOn.isAfter(latestExpiry(regulation, issuedOn))) {
            errors.add(new FieldError("certificate.expiresOn", regulation == Regulation.MDR
                    ? "an MDR certificate is valid for at most " + MAX_VALIDITY_YEARS + " years: at the latest "
                            + latestExpiry(regulation, issuedOn)
                    : "an MDD certificate is valid for at most " + MAX_VALIDITY_YEARS + " years, or until "
                            + MDD_EXTENDED_AT_MOST_UNTIL + " under Regulation (EU) 2023/607: at the latest "
                            + latestExpiry(regulation, issuedOn)));
        }
        if (issuedOn.isAfter(today)) {
            errors.add(new FieldError("certificate.issuedOn", "must not be in the future"));
        } else if (issuedOn.isBefore(MDD_ADOPTED)) {
            errors.add(new FieldError("certificate.issuedOn", "must not be before " + MDD_ADOPTED
                    + ", when the Medical Device Directive was adopted"));
        } else if (regulation == Regulation.MDR && issuedOn.isBefore(MDR_IN_FORCE)) {
            errors.add(new FieldError("certificate.issuedOn", "MDR certificates exist from " + MDR_IN_FORCE
                    + " (the MDR's entry into force) on; use MDD"));
        } else if (regulation == Regulation.MDD && !issuedOn.isBefore(MDR_APPLICATION_DATE)) {
            errors.add(new FieldError("certificate.issuedOn",
                    "MDD certificates were not issued from " + MDR_APPLICATION_DATE + " on; use MDR"));
        }
        if (certificate.deviceClass().needsNotifiedBody() && certificate.notifiedBody() == null) {
            errors.add(new FieldError("certificate.notifiedBody",
                    "is required for class " + certificate.deviceClass() + " devices"));
        }
        if (!certificate.deviceClass().existsUnder(regulation)) {
            errors.add(new FieldError("certificate.deviceClass",
                    "class " + certificate.deviceClass() + " exists only under the MDR"));
        }
    }

    private static void gdpr(GdprDeclaration gdpr, List<FieldError> errors) {
        if (gdpr.dataArea() == DataArea.THIRD_COUNTRY) {
            if (gdpr.dataCountry() == null) {
                errors.add(new FieldError("gdpr.dataLocation.country", "is required for a third country"));
            } else if (EU_EEA.contains(gdpr.dataCountry())) {
                errors.add(new FieldError("gdpr.dataLocation.country",
                        gdpr.dataCountry() + " is in the EU/EEA; use area EU_EEA"));
            }
            if (gdpr.transferMechanism() == null) {
                errors.add(new FieldError("gdpr.dataLocation.transferMechanism",
                        "is required for a transfer to a third country"));
            }
        } else {
            if (gdpr.dataCountry() != null) {
                errors.add(new FieldError("gdpr.dataLocation.country", "must be absent for area EU_EEA"));
            }
            if (gdpr.transferMechanism() != null) {
                errors.add(new FieldError("gdpr.dataLocation.transferMechanism", "must be absent for area EU_EEA"));
            }
        }
    }

    private static void requireUnexpired(Certificate certificate, LocalDate today, List<FieldError> errors) {
        if (!certificate.expiresOn().isAfter(today)) {
            errors.add(new FieldError("certificate.expiresOn", "must be in the future (after " + today + ")"));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new RuleViolationException(errors);
        }
    }
}
