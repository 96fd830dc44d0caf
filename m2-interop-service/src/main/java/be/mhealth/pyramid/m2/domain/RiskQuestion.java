package be.mhealth.pyramid.m2.domain;

import java.util.function.Predicate;

/** The risk-assessment questions, by their field name in {@link RiskAssessment}. */
public enum RiskQuestion {
    PROCESSES_HEALTH_DATA("processesHealthData", RiskAssessment::processesHealthData),
    IDENTIFIES_PATIENT("identifiesPatient", RiskAssessment::identifiesPatient),
    EXCHANGES_WITH_CARE_PROVIDERS("exchangesWithCareProviders", RiskAssessment::exchangesWithCareProviders),
    SENDS_DATA_TO_THIRD_PARTIES("sendsDataToThirdParties", RiskAssessment::sendsDataToThirdParties),
    AUTHENTICATES_CARE_PROVIDERS("authenticatesCareProviders", RiskAssessment::authenticatesCareProviders);

    private final String field;
    private final Predicate<RiskAssessment> answeredYes;

    RiskQuestion(String field, Predicate<RiskAssessment> answeredYes) {
        this.field = field;
        this.answeredYes = answeredYes;
    }

    public String field() {
        return field;
    }

    public boolean answeredYes(RiskAssessment answers) {
        return answeredYes.test(answers);
    }
}
