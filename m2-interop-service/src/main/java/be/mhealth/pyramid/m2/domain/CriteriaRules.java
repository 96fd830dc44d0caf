package be.mhealth.pyramid.m2.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule table deriving an M2 dossier's required criteria from its risk assessment. Each row names
 * the answer that triggers it (none: always), the criterion, and why. SECURITY is required of every app:
 * reaching M2 means connecting to the eHealth platform, which only accepts encrypted transport.
 */
public final class CriteriaRules {

    /** One row: {@code question} answered yes (or always, when null) requires {@code criterion}. */
    public record Rule(RiskQuestion question, Criterion criterion, String reason) {
        boolean applies(RiskAssessment answers) {
            return question == null || question.answeredYes(answers);
        }
    }

    /** A criterion the answers require, with every reason that applies. */
    public record Requirement(Criterion criterion, String reason) {
    }

    public static final List<Rule> RULES = List.of(
            new Rule(null, Criterion.SECURITY,
                    "every M2 app connects to the eHealth platform, which requires encrypted transport"),
            new Rule(RiskQuestion.PROCESSES_HEALTH_DATA, Criterion.SECURITY,
                    "personal health data must be encrypted in transit"),
            new Rule(RiskQuestion.IDENTIFIES_PATIENT, Criterion.IDENTIFICATION,
                    "patients must be identified by their NISS/INSZ"),
            new Rule(RiskQuestion.IDENTIFIES_PATIENT, Criterion.AUTHENTICATION,
                    "an identified patient must be authenticated with eID or itsme through eHealth IAM"),
            new Rule(RiskQuestion.EXCHANGES_WITH_CARE_PROVIDERS, Criterion.INTEROPERABILITY,
                    "data exchanged with care providers or their EHRs must use FHIR R4 (Belgian profiles) or KMEHR"),
            new Rule(RiskQuestion.EXCHANGES_WITH_CARE_PROVIDERS, Criterion.RELATIONSHIP,
                    "care providers may see a patient's data only with a therapeutic link or consent"),
            new Rule(RiskQuestion.EXCHANGES_WITH_CARE_PROVIDERS, Criterion.SECURITY,
                    "exchanges with care providers must be encrypted end to end"),
            new Rule(RiskQuestion.SENDS_DATA_TO_THIRD_PARTIES, Criterion.SECURITY,
                    "data sent to third parties must go through the eHealthBox"),
            new Rule(RiskQuestion.AUTHENTICATES_CARE_PROVIDERS, Criterion.AUTHENTICATION,
                    "care providers must log in with eID or itsme through eHealth IAM"));

    private CriteriaRules() {
    }

    /** The required criteria in {@link Criterion} order, each with its reasons joined by "; ". */
    public static List<Requirement> requiredBy(RiskAssessment answers) {
        Map<Criterion, List<String>> reasons = new EnumMap<>(Criterion.class);
        for (Rule rule : RULES) {
            if (rule.applies(answers)) {
                reasons.computeIfAbsent(rule.criterion(), c -> new ArrayList<>()).add(rule.reason());
            }
        }
        return reasons.entrySet().stream()
                .map(e -> new Requirement(e.getKey(), String.join("; ", e.getValue())))
                .toList();
    }
}
