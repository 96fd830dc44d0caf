package be.mhealth.pyramid.registry.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M3Events.ReimbursementKind;
import be.mhealth.pyramid.registry.domain.Criterion;
import be.mhealth.pyramid.registry.domain.Labels;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import be.mhealth.pyramid.registry.domain.Topic;
import be.mhealth.pyramid.registry.domain.TopicStatus;

/**
 * The five topics mHealthBelgium publishes about an app, in one language: what FAMHP checked at M1 (CE marking, data
 * protection), what the eHealth platform checked at M2 (communication security, interoperability) and what NIHDI
 * decided at M3 (financing). A topic is ASSESSED once the app holds its level (the facts of the active grant that
 * counts towards the effective level, as {@code facts}); otherwise NOT_ASSESSED with only its status and labels.
 * Codes come with their labels, so that a portal never translates anything itself.
 */
@Schema(name = "AppTopics", description = "The five topics in the language asked for (see `language` of the app)",
        requiredProperties = { "ceMarking", "dataProtection", "communicationSecurity", "interoperability",
                "financing" })
public record AppTopics(CeMarking ceMarking, DataProtection dataProtection, CriteriaTopic communicationSecurity,
        CriteriaTopic interoperability, Financing financing) {


    @Schema(name = "CeMarkingTopic", description = "CE marking as a medical device (M1, FAMHP): the certificate",
            requiredProperties = { "status", "label", "statusLabel", "level", "authority" })
    public record CeMarking(
            TopicStatus status,
            @Schema(example = "CE marking") String label,
            @Schema(example = "Assessed") String statusLabel,
            @Schema(description = "the level at which the topic is assessed") Level level,
            @Schema(description = "the authority that assesses it", example = "FAMHP") String authority,
            @Schema(description = "MDR or MDD", example = "MDR") String regulation,
            @Schema(example = "Medical Device Regulation (EU) 2017/745 (MDR)") String regulationLabel,
            @Schema(description = "the device class (I, Is, Im, Ir, IIa, IIb, III)", example = "IIa") String deviceClass,
            @Schema(description = "the notified body's four-digit number (NANDO); absent for class I and for grants "
                    + "recorded before it was published", example = "0123") String notifiedBody,
            @Schema(example = "CE-2026-0042") String certificateNumber,
            @Schema(description = "the certificate's last day of validity") LocalDate certificateValidUntil,
            @Schema(description = "the certificate has not passed its expiry date (by the registry's clock)")
            Boolean certificateValid) {
    }

    @Schema(name = "DataProtectionTopic", description = "The vendor's GDPR declaration, published once FAMHP granted "
            + "M1. Its fields are absent for a grant recorded before the declaration was published.",
            requiredProperties = { "status", "label", "statusLabel", "level", "authority" })
    public record DataProtection(
            TopicStatus status,
            @Schema(example = "Data protection") String label,
            @Schema(example = "Assessed") String statusLabel,
            Level level,
            @Schema(example = "FAMHP") String authority,
            @Schema(description = "GDPR article 6 legal basis (CONSENT, CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS, "
                    + "PUBLIC_TASK, LEGITIMATE_INTERESTS)", example = "CONSENT") String legalBasis,
            @Schema(example = "The user's consent") String legalBasisLabel,
            DataLocation dataLocation,
            @Schema(description = "how to reach the vendor's data protection officer (an e-mail address)",
                    example = "dpo@heartrhythm.example.com") String dpoContact,
            @Schema(example = "https://heartrhythm.example.com/privacy") String privacyPolicyUrl) {
    }

    @Schema(name = "DataLocation", description = "Where the app stores personal data",
            requiredProperties = { "area", "label" })
    public record DataLocation(
            @Schema(description = "EU_EEA or THIRD_COUNTRY", example = "EU_EEA") String area,
            @Schema(description = "third countries only: ISO 3166-1 alpha-2 code", example = "US") String country,
            @Schema(description = "third countries only: the country's name in the language") String countryLabel,
            @Schema(description = "third countries only: the GDPR chapter V ground (ADEQUACY_DECISION, "
                    + "STANDARD_CONTRACTUAL_CLAUSES, BINDING_CORPORATE_RULES, CODE_OF_CONDUCT, CERTIFICATION, "
                    + "DEROGATION)") String transferMechanism,
            @Schema(description = "where, in one line", example = "In the European Union or the European Economic "
                    + "Area") String label) {
    }

    @Schema(name = "CriteriaTopic", description = "The M2 criteria met under this topic (eHealth platform), each "
            + "with its label and a one-line explanation; ASSESSED with an empty list when none of them applied",
            requiredProperties = { "status", "label", "statusLabel", "level", "authority" })
    public record CriteriaTopic(
            TopicStatus status,
            @Schema(example = "Communication security") String label,
            @Schema(example = "Assessed") String statusLabel,
            Level level,
            @Schema(example = "eHealth platform") String authority,
            @Schema(description = "present when ASSESSED") List<MetCriterion> criteria) {
    }

    @Schema(name = "MetCriterion", description = "An M2 criterion the app met",
            requiredProperties = { "code", "label" })
    public record MetCriterion(
            @Schema(example = "AUTHENTICATION") String code,
            @Schema(description = "the code itself for a criterion this version does not know",
                    example = "Secure sign-in") String label,
            @Schema(description = "absent for a criterion this version does not know",
                    example = "Users sign in with their eID or itsme through the eHealth platform.")
            String explanation) {
    }

    @Schema(name = "FinancingTopic", description = "Reimbursement by NIHDI/RIZIV (M3)",
            requiredProperties = { "status", "label", "statusLabel", "level", "authority" })
    public record Financing(
            TopicStatus status,
            @Schema(example = "Financing") String label,
            @Schema(example = "Assessed") String statusLabel,
            Level level,
            @Schema(example = "NIHDI") String authority,
            @Schema(description = "TEMPORARY (a trial period with an end date) or DEFINITIVE") ReimbursementKind kind,
            @Schema(example = "Temporary reimbursement") String kindLabel,
            @Schema(example = "789012") String nomenclatureCode,
            @Schema(description = "in euros", example = "25.50") BigDecimal amount,
            @Schema(example = "PER_PATIENT_PER_MONTH") String unit,
            @Schema(example = "per patient per month") String unitLabel,
            @Schema(description = "first reimbursed day") LocalDate startDate,
            @Schema(description = "last reimbursed day (temporary reimbursement)") LocalDate endDate,
            @Schema(description = "the financing in one plain sentence", example = "NIHDI reimburses this app for a "
                    + "trial period: €25.50 per patient per month, from 1 April 2026 to 31 March 2028 (nomenclature "
                    + "code 789012).") String summary) {
    }

    /** The topics of an app at {@code effectiveLevel}, from its grants, in the language of {@code labels}. */
    static AppTopics of(Level effectiveLevel, Collection<LevelGrant> grants, LocalDate today, Labels labels) {
        LevelGrant m1 = null;
        LevelGrant m2 = null;
        LevelGrant m3 = null;
        for (LevelGrant g : grants) {
            if (!g.active || !Level.reaches(effectiveLevel, g.level)) {
                continue;
            }
            switch (g.level) {
                case M1 -> m1 = g;
                case M2 -> m2 = g;
                case M3 -> m3 = g;
            }
        }
        return new AppTopics(ceMarking(m1, today, labels), dataProtection(m1, labels),
                criteria(Topic.COMMUNICATION_SECURITY, m2, labels), criteria(Topic.INTEROPERABILITY, m2, labels),
                financing(m3, labels));
    }

    private static CeMarking ceMarking(LevelGrant g, LocalDate today, Labels l) {
        Topic t = Topic.CE_MARKING;
        if (g == null) {
            return new CeMarking(TopicStatus.NOT_ASSESSED, l.topic(t), l.status(TopicStatus.NOT_ASSESSED), t.level(),
                    l.authority(t.authority()), null, null, null, null, null, null, null);
        }
        return new CeMarking(TopicStatus.ASSESSED, l.topic(t), l.status(TopicStatus.ASSESSED), t.level(),
                l.authority(t.authority()), g.regulation, l.label("regulation", g.regulation), g.deviceClass,
                g.notifiedBody, g.certificateNumber, g.certificateExpiresOn,
                g.certificateExpiresOn == null || !g.certificateExpiresOn.isBefore(today));
    }

    private static DataProtection dataProtection(LevelGrant g, Labels l) {
        Topic t = Topic.DATA_PROTECTION;
        if (g == null) {
            return new DataProtection(TopicStatus.NOT_ASSESSED, l.topic(t), l.status(TopicStatus.NOT_ASSESSED),
                    t.level(), l.authority(t.authority()), null, null, null, null, null);
        }
        DataLocation location = g.dataArea == null ? null : new DataLocation(g.dataArea, g.dataCountry,
                l.country(g.dataCountry), g.transferMechanism, locationLabel(g, l));
        return new DataProtection(TopicStatus.ASSESSED, l.topic(t), l.status(TopicStatus.ASSESSED), t.level(),
                l.authority(t.authority()), g.legalBasis, l.label("legalBasis", g.legalBasis), location, g.dpoContact,
                g.privacyPolicyUrl);
    }

    private static String locationLabel(LevelGrant g, Labels l) {
        if (!"THIRD_COUNTRY".equals(g.dataArea) || g.dataCountry == null) {
            return l.label("dataArea", g.dataArea);
        }
        return g.transferMechanism == null ? l.text("dataLocation.thirdCountry.noMechanism", l.country(g.dataCountry))
                : l.text("dataLocation.thirdCountry", l.country(g.dataCountry),
                        l.label("transferMechanism", g.transferMechanism));
    }

    private static CriteriaTopic criteria(Topic t, LevelGrant g, Labels l) {
        if (g == null) {
            return new CriteriaTopic(TopicStatus.NOT_ASSESSED, l.topic(t), l.status(TopicStatus.NOT_ASSESSED),
                    t.level(), l.authority(t.authority()), null);
        }
        List<MetCriterion> met = new ArrayList<>();
        for (String code : g.criteria()) {
            if (Criterion.topicOf(code) == t) {
                met.add(new MetCriterion(code, l.criterion(code), l.criterionExplanation(code)));
            }
        }
        return new CriteriaTopic(TopicStatus.ASSESSED, l.topic(t), l.status(TopicStatus.ASSESSED), t.level(),
                l.authority(t.authority()), met);
    }

    private static Financing financing(LevelGrant g, Labels l) {
        Topic t = Topic.FINANCING;
        if (g == null) {
            return new Financing(TopicStatus.NOT_ASSESSED, l.topic(t), l.status(TopicStatus.NOT_ASSESSED), t.level(),
                    l.authority(t.authority()), null, null, null, null, null, null, null, null, null);
        }
        String unitLabel = l.label("reimbursementUnit", g.unit);
        return new Financing(TopicStatus.ASSESSED, l.topic(t), l.status(TopicStatus.ASSESSED), t.level(),
                l.authority(t.authority()), g.reimbursementKind,
                g.reimbursementKind == null ? null : l.label("reimbursementKind", g.reimbursementKind.name()),
                g.nomenclatureCode, g.amount, g.unit, unitLabel, g.startDate, g.endDate, summary(g, unitLabel, l));
    }

    /** "NIHDI reimburses this app for a trial period: €25.50 per patient per month, from … to … (…)." */
    private static String summary(LevelGrant g, String unitLabel, Labels l) {
        if (g.reimbursementKind == null || g.amount == null || g.startDate == null) {
            return null;
        }
        String key = "financing." + g.reimbursementKind.name()
                + (g.reimbursementKind == ReimbursementKind.TEMPORARY && g.endDate == null ? ".open" : "");
        return l.text(key, l.euros(g.amount), unitLabel == null ? "" : unitLabel, l.day(g.startDate),
                g.endDate == null ? "" : l.day(g.endDate), g.nomenclatureCode == null ? "" : g.nomenclatureCode);
    }
}
