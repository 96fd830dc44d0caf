package be.mhealth.pyramid.m3.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import be.mhealth.pyramid.m3.domain.M3Dossier;
import be.mhealth.pyramid.m3.domain.M3DossierState;
import be.mhealth.pyramid.m3.domain.M3Rules;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class M3DossierRepository implements PanacheRepositoryBase<M3Dossier, UUID> {

    /** The dossier locked for update ({@code select … for update}): changes of one dossier run one after another. */
    public Optional<M3Dossier> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The app's dossier that is not closed, if any. */
    public Optional<M3Dossier> findOpen(UUID appId) {
        return find("appId = :appId and state not in :final",
                Parameters.with("appId", appId).and("final", M3DossierState.FINAL)).firstResultOptional();
    }

    /** The app's dossiers that are open or hold a reimbursement (what a market withdrawal closes), locked. */
    public List<M3Dossier> openOrGrantedForUpdate(UUID appId) {
        return find("appId = :appId and state not in :final",
                Parameters.with("appId", appId).and("final", M3DossierState.FINAL))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Dossiers newest first: of {@code organization} (a vendor's view; null = every organization), or only those
     * ever submitted (NIHDI's view), for one app (null = any) and in one of {@code states} (empty = any).
     */
    public PanacheQuery<M3Dossier> search(String organization, boolean submittedOnly, UUID appId,
            Set<M3DossierState> states) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (organization != null) {
            query.append(" and organizationId = :org");
            params.and("org", organization);
        }
        if (submittedOnly) {
            query.append(" and submittedAt is not null");
        }
        if (appId != null) {
            query.append(" and appId = :appId");
            params.and("appId", appId);
        }
        if (!states.isEmpty()) {
            query.append(" and state in :states");
            params.and("states", states);
        }
        return find(query.toString(), Sort.descending("createdAt").and("id"), params);
    }

    /**
     * Dossiers waiting for NIHDI, the earliest due step first (then the longest waiting); with {@code overdueOn},
     * only those whose step was due before that day.
     */
    public PanacheQuery<M3Dossier> queue(LocalDate overdueOn) {
        Sort order = Sort.ascending("dueOn").and("waitingSince").and("id");
        Parameters params = Parameters.with("states", M3DossierState.IN_QUEUE);
        if (overdueOn == null) {
            return find("state in :states", order, params);
        }
        return find("state in :states and dueOn < :today", order, params.and("today", overdueOn));
    }

    /** Ids of dossiers whose clarification request was made more than 30 days before {@code today}. */
    public List<UUID> lapsedClarificationIds(LocalDate today) {
        return ids("clarificationRequestedOn", M3DossierState.CLARIFICATION_REQUESTED,
                today.minusDays(M3Rules.CLARIFICATION_MAX_DAYS));
    }

    /** Ids of temporary reimbursements whose end date lies before {@code today}. */
    public List<UUID> endedTemporaryIds(LocalDate today) {
        return ids("reimbursementEnd", M3DossierState.APPROVED_TEMPORARY, today);
    }

    private List<UUID> ids(String dateField, M3DossierState state, LocalDate before) {
        return getEntityManager().createQuery("select d.id from M3Dossier d where d.state = :state and d."
                + dateField + " < :day order by d.id", UUID.class)
                .setParameter("state", state).setParameter("day", before).getResultList();
    }
}
