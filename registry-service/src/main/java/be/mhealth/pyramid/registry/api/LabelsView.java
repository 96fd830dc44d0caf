package be.mhealth.pyramid.registry.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.registry.domain.Criterion;
import be.mhealth.pyramid.registry.domain.Labels;
import be.mhealth.pyramid.registry.domain.Topic;

/**
 * Every public label in one language, by code: what a portal needs to show any code of the API (catalog filters, an
 * app's facts, reasons) without translating anything itself.
 */
@Schema(name = "Labels", description = "Labels by code, in one language", requiredProperties = { "language", "levels",
        "categories", "platforms", "targetUsers", "authorities", "topics", "topicStatuses", "criteria",
        "delistingReasons", "marketWithdrawalReasons", "reimbursementKinds", "reimbursementUnits", "regulations",
        "legalBases", "dataAreas", "transferMechanisms" })
public record LabelsView(
        @Schema(description = "the language of the labels (en when de was asked)", ref = "Language") String language,
        @Schema(description = "M1, M2, M3") Map<String, String> levels,
        @Schema(description = "the catalog's categories (CARDIOLOGY …)") Map<String, String> categories,
        @Schema(description = "IOS, ANDROID, WEB") Map<String, String> platforms,
        @Schema(description = "PATIENT, HEALTHCARE_PROFESSIONAL") Map<String, String> targetUsers,
        @Schema(description = "the authority of each level: FAMHP (M1), EHEALTH (M2), NIHDI (M3)")
        Map<String, String> authorities,
        @Schema(description = "the app view's topics, by their field name (ceMarking …)") Map<String, String> topics,
        @Schema(description = "ASSESSED, NOT_ASSESSED") Map<String, String> topicStatuses,
        @Schema(description = "the M2 criteria (AUTHENTICATION …) with the topic each is shown under")
        Map<String, CriterionLabel> criteria,
        @Schema(description = "why a formerly listed app left the catalog") Map<String, String> delistingReasons,
        @Schema(description = "a market withdrawal's public reason category") Map<String, String> marketWithdrawalReasons,
        @Schema(description = "TEMPORARY, DEFINITIVE") Map<String, String> reimbursementKinds,
        @Schema(description = "what an M3 amount is paid for (PER_PATIENT_PER_MONTH …)")
        Map<String, String> reimbursementUnits,
        @Schema(description = "MDR, MDD") Map<String, String> regulations,
        @Schema(description = "GDPR article 6 legal bases") Map<String, String> legalBases,
        @Schema(description = "EU_EEA, THIRD_COUNTRY") Map<String, String> dataAreas,
        @Schema(description = "GDPR chapter V transfer mechanisms") Map<String, String> transferMechanisms) {

    @Schema(name = "CriterionLabel", requiredProperties = { "label", "explanation", "topic" })
    public record CriterionLabel(
            @Schema(example = "Secure sign-in") String label,
            @Schema(example = "Users sign in with their eID or itsme through the eHealth platform.") String explanation,
            @Schema(description = "the topic of the app view it is shown under",
                    enumeration = { "communicationSecurity", "interoperability" }) String topic) {
    }

    static LabelsView of(Labels l) {
        Map<String, String> topics = new LinkedHashMap<>();
        for (Topic t : Topic.values()) {
            topics.put(t.key(), l.topic(t));
        }
        Map<String, CriterionLabel> criteria = new LinkedHashMap<>();
        for (Criterion c : Criterion.values()) {
            criteria.put(c.name(), new CriterionLabel(l.criterion(c.name()), l.criterionExplanation(c.name()),
                    c.topic().key()));
        }
        return new LabelsView(l.language().code(), l.vocabulary("level"), l.vocabulary("category"),
                l.vocabulary("platform"), l.vocabulary("targetUser"), l.vocabulary("authority"), topics,
                l.vocabulary("topicStatus"), criteria, l.vocabulary("delistingReason"),
                l.vocabulary("marketWithdrawalReason"), l.vocabulary("reimbursementKind"),
                l.vocabulary("reimbursementUnit"), l.vocabulary("regulation"), l.vocabulary("legalBasis"),
                l.vocabulary("dataArea"), l.vocabulary("transferMechanism"));
    }
}
