package be.mhealth.pyramid.m2.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m2.domain.Criterion;
import be.mhealth.pyramid.m2.domain.TestOutcome;
import be.mhealth.pyramid.m2.domain.TestResult;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TestResultRepository implements PanacheRepositoryBase<TestResult, UUID> {

    public Optional<TestResult> current(UUID dossierId, Criterion criterion) {
        return find("dossierId = ?1 and criterion = ?2 and supersededBy is null", dossierId, criterion)
                .firstResultOptional();
    }

    public List<TestResult> currentFor(UUID dossierId) {
        return list("dossierId = ?1 and supersededBy is null", dossierId);
    }

    /** The current PASS results of the given dossiers. */
    public List<TestResult> currentPasses(List<UUID> dossierIds) {
        return dossierIds.isEmpty() ? List.of()
                : list("dossierId in ?1 and supersededBy is null and result = ?2", dossierIds, TestOutcome.PASS);
    }

    /** Every result of a dossier, by criterion, oldest first. */
    public List<TestResult> allFor(UUID dossierId) {
        return list("dossierId = ?1 order by criterion, recordedAt, id", dossierId);
    }
}
