package be.mhealth.pyramid.m2.repository;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m2.domain.Criterion;
import be.mhealth.pyramid.m2.domain.TestOutcome;
import be.mhealth.pyramid.m2.domain.TestResult;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TestResultRepository implements PanacheRepositoryBase<TestResult, UUID> {

    /** The criterion's result that counts (not superseded), if any. */
    public Optional<TestResult> current(UUID dossierId, Criterion criterion) {
        return find("dossierId = :dossier and criterion = :criterion and supersededBy is null",
                Parameters.with("dossier", dossierId).and("criterion", criterion)).firstResultOptional();
    }

    /** Each criterion's current outcome. */
    public Map<Criterion, TestOutcome> currentOutcomes(UUID dossierId) {
        return list("dossierId = ?1 and supersededBy is null", dossierId).stream()
                .collect(Collectors.toMap(TestResult::criterion, TestResult::result));
    }

    /** Every result of a dossier, by criterion, oldest first. */
    public PanacheQuery<TestResult> allFor(UUID dossierId) {
        return find("dossierId", Sort.ascending("criterion").and("recordedAt").and("id"), dossierId);
    }
}
