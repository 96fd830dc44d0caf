package be.mhealth.pyramid.m3.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.mhealth.pyramid.support.problem.Problem;
import be.mhealth.pyramid.support.problem.RuleViolationException;

/** What the vendor asks for and offers as evidence: the editable part of a dossier. */
public record DossierContent(Map<String, String> carePathway, List<Study> clinicalEvidence,
        BigDecimal budgetImpactPerYear, String costEffectiveness, BigDecimal requestedAmount,
        FinancingUnit requestedUnit, int requestedMonths) {

    /** The portals' languages; {@code de} is optional. */
    public static final Set<String> REQUIRED_LANGUAGES = Set.of("nl", "fr", "en");
    public static final Set<String> LANGUAGES = Set.of("nl", "fr", "en", "de");

    /** 422 naming each field that breaks a rule bean validation cannot express. */
    public DossierContent {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String language : REQUIRED_LANGUAGES.stream().sorted().toList()) {
            String text = carePathway.get(language);
            if (text == null || text.isBlank()) {
                errors.add(new Problem.FieldError("carePathway." + language, "required in nl, fr and en"));
            }
        }
        carePathway.keySet().stream().filter(l -> !LANGUAGES.contains(l)).sorted().forEach(l -> errors.add(
                new Problem.FieldError("carePathway." + l, "unsupported language; use nl, fr, en or de")));
        if (!errors.isEmpty()) {
            throw new RuleViolationException(errors);
        }
        carePathway = Map.copyOf(carePathway);
        clinicalEvidence = List.copyOf(clinicalEvidence);
    }
}
