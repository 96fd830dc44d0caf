package be.mhealth.pyramid.m1.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import be.mhealth.pyramid.m1.domain.Dossier;
import be.mhealth.pyramid.m1.domain.DossierStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DossierRepository implements PanacheRepositoryBase<Dossier, UUID> {

    /** The app's dossier that is still open or holds an active grant, if any. */
    public Optional<Dossier> findBlocking(UUID appId) {
        return find("appId = :appId and status in :statuses",
                Parameters.with("appId", appId).and("statuses", DossierStatus.BLOCKING)).firstResultOptional();
    }

    /** Filters a listing; {@code organization} null means every organization (assessors). */
    public PanacheQuery<Dossier> search(String organization, UUID appId, DossierStatus status) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (organization != null) {
            query.append(" and organizationId = :org");
            params.and("org", organization);
        }
        if (appId != null) {
            query.append(" and appId = :appId");
            params.and("appId", appId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        return find(query.toString(), Sort.descending("createdAt").and("id"), params);
    }

    /** Submitted and in-review dossiers, longest waiting first. */
    public PanacheQuery<Dossier> queue() {
        return find("status in :statuses", Sort.ascending("submittedAt").and("id"),
                Parameters.with("statuses", DossierStatus.IN_QUEUE));
    }

    /** Ids of grants whose certificate expired before {@code today}. */
    public List<UUID> lapsedGrantIds(LocalDate today) {
        return getEntityManager().createQuery("select d.id from Dossier d where d.status = :approved "
                + "and d.certificate.expiresOn < :today order by d.certificate.expiresOn, d.id", UUID.class)
                .setParameter("approved", DossierStatus.APPROVED)
                .setParameter("today", today)
                .getResultList();
    }

    /** Loads the dossier locked for update, so concurrent transitions of one dossier run one after the other. */
    public Optional<Dossier> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
