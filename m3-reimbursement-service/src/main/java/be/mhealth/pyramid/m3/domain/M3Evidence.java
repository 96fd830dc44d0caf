package be.mhealth.pyramid.m3.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the vendor asks for and offers as evidence, passed whole to {@link M3Dossier#open} and
 * {@link M3Dossier#revise}: the care pathway per language, the clinical studies, the socio-economic evidence and
 * the requested financing.
 */
public record M3Evidence(Map<String, String> carePathway, List<Study> clinicalEvidence,
        BigDecimal budgetImpactPerYear, String costEffectiveness, BigDecimal requestedAmount,
        FinancingUnit requestedUnit, int requestedMonths) {

    public M3Evidence {
        carePathway = Map.copyOf(carePathway);
        clinicalEvidence = List.copyOf(clinicalEvidence);
    }
}
