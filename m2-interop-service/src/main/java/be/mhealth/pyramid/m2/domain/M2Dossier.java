package be.mhealth.pyramid.m2.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A vendor's request for M2 for one app: its risk assessment, the criteria that follow, and where it stands. */
@Entity
@Table(name = "m2_dossier")
public class M2Dossier {

    @Id
    public UUID id;

    @Column(name = "app_id", nullable = false)
    public UUID appId;

    @Column(name = "organization_id", nullable = false)
    public String organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DossierState state;

    @Column(name = "processes_health_data", nullable = false)
    public boolean processesHealthData;

    @Column(name = "identifies_patient", nullable = false)
    public boolean identifiesPatient;

    @Column(name = "exchanges_with_care_providers", nullable = false)
    public boolean exchangesWithCareProviders;

    @Column(name = "sends_data_to_third_parties", nullable = false)
    public boolean sendsDataToThirdParties;

    @Column(name = "authenticates_care_providers", nullable = false)
    public boolean authenticatesCareProviders;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "m2_required_criterion", joinColumns = @JoinColumn(name = "dossier_id"))
    @OrderColumn(name = "position")
    public List<RequiredCriterion> requiredCriteria = new ArrayList<>();

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Version
    public long version;

    public RiskAssessment riskAssessment() {
        return new RiskAssessment(processesHealthData, identifiesPatient, exchangesWithCareProviders,
                sendsDataToThirdParties, authenticatesCareProviders);
    }

    /** Stores the answers and re-derives the required criteria from the rule table. */
    public void answer(RiskAssessment answers) {
        processesHealthData = answers.processesHealthData();
        identifiesPatient = answers.identifiesPatient();
        exchangesWithCareProviders = answers.exchangesWithCareProviders();
        sendsDataToThirdParties = answers.sendsDataToThirdParties();
        authenticatesCareProviders = answers.authenticatesCareProviders();
        requiredCriteria.clear();
        CriteriaRules.requiredBy(answers)
                .forEach(r -> requiredCriteria.add(new RequiredCriterion(r.criterion(), r.reason())));
    }

    public boolean requires(Criterion criterion) {
        return requiredCriteria.stream().anyMatch(r -> r.criterion == criterion);
    }

    public List<Criterion> criteria() {
        return requiredCriteria.stream().map(r -> r.criterion).toList();
    }
}
