package be.mhealth.pyramid.m2.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A test centre's result for one criterion of a dossier; superseded (but kept) when a later one is recorded. */
@Entity
@Table(name = "m2_test_result")
public class TestResult {

    @Id
    public UUID id;

    @Column(name = "dossier_id", nullable = false)
    public UUID dossierId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Criterion criterion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TestOutcome result;

    @Column(name = "test_centre", nullable = false)
    public String testCentre;

    @Column(name = "tested_on", nullable = false)
    public LocalDate testedOn;

    @Column(name = "report_reference", nullable = false)
    public String reportReference;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "superseded_by")
    public UUID supersededBy;

    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;

    public boolean isCurrent() {
        return supersededBy == null;
    }
}
