package be.mhealth.pyramid.m3.api;

import java.util.List;
import java.util.Map;

import be.mhealth.pyramid.m3.domain.DossierContent;

/** The editable parts shared by the create and update requests. */
interface DossierContentDto {

    Map<String, String> carePathway();

    List<StudyDto> clinicalEvidence();

    SocioEconomicEvidenceDto socioEconomicEvidence();

    RequestedFinancingDto requestedFinancing();

    default DossierContent toDomain() {
        return new DossierContent(carePathway(), clinicalEvidence().stream().map(StudyDto::toDomain).toList(),
                socioEconomicEvidence().budgetImpactPerYear(), socioEconomicEvidence().costEffectiveness(),
                requestedFinancing().amount(), requestedFinancing().unit(), requestedFinancing().months());
    }
}
