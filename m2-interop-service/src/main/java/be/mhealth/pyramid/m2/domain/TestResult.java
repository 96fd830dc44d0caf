package be.mhealth.pyramid.m2.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import be.mhealth.pyramid.support.security.Actor;

/**
 * A test centre's result for one criterion of a dossier ({@link M2Dossier#recordTestResult}); superseded (but kept)
 * when a later one is recorded. Never changed otherwise.
 */
@Entity
@Table(name = "m2_test_result")
public class TestResult {

    /** What the test centre found: the criterion, the verdict, who tested it, when, and the report. */
    public record Finding(Criterion criterion, TestOutcome result, String testCentre, LocalDate testedOn,
            String reportReference) {
    }

    @Id
    private UUID id;

    @Column(name = "dossier_id", nullable = false, updatable = false)
    private UUID dossierId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Criterion criterion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private TestOutcome result;

    @Column(name = "test_centre", nullable = false, updatable = false)
    private String testCentre;

    @Column(name = "tested_on", nullable = false, updatable = false)
    private LocalDate testedOn;

    @Column(name = "report_reference", nullable = false, updatable = false)
    private String reportReference;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    @Column(name = "superseded_by")
    private UUID supersededBy;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    protected TestResult() {
    }

    static TestResult of(UUID dossierId, Finding finding, Actor by, Instant at) {
        TestResult r = new TestResult();
        r.id = UUID.randomUUID();
        r.dossierId = dossierId;
        r.criterion = finding.criterion();
        r.result = finding.result();
        r.testCentre = finding.testCentre().strip();
        r.testedOn = finding.testedOn();
        r.reportReference = finding.reportReference().strip();
        r.recordedBy = by.name();
        r.recordedAt = at;
        return r;
    }

    void supersede(TestResult later, Instant at) {
        supersededBy = later.id;
        supersededAt = at;
    }

    public boolean current() {
        return supersededBy == null;
    }

    public UUID id() {
        return id;
    }

    public UUID dossierId() {
        return dossierId;
    }

    public Criterion criterion() {
        return criterion;
    }

    public TestOutcome result() {
        return result;
    }

    public String testCentre() {
        return testCentre;
    }

    public LocalDate testedOn() {
        return testedOn;
    }

    public String reportReference() {
        return reportReference;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public UUID supersededBy() {
        return supersededBy;
    }

    public Instant supersededAt() {
        return supersededAt;
    }
}
