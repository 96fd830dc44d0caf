package be.mhealth.pyramid.m2.repository;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import be.mhealth.pyramid.m2.domain.M2Dossier;
import be.mhealth.pyramid.m2.domain.M2DossierState;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class M2DossierRepository implements PanacheRepositoryBase<M2Dossier, UUID> {

    /** The dossier locked for update ({@code select … for update}): changes of one dossier run one after another. */
    public Optional<M2Dossier> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The app's dossier that is still open or holds an active grant, if any. */
    public Optional<M2Dossier> findBlocking(UUID appId) {
        return find("appId = :appId and state in :states",
                Parameters.with("appId", appId).and("states", M2DossierState.BLOCKING)).firstResultOptional();
    }

    /** The app's dossier that holds the active grant, if any (at most one), locked for update. */
    public Optional<M2Dossier> findGrantForUpdate(UUID appId) {
        return find("appId = :appId and state = :approved",
                Parameters.with("appId", appId).and("approved", M2DossierState.APPROVED))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The app's dossiers that are open or hold the grant (what a market withdrawal closes), locked for update. */
    public List<M2Dossier> openOrGrantedForUpdate(UUID appId) {
        return find("appId = :appId and state in :states",
                Parameters.with("appId", appId).and("states", M2DossierState.BLOCKING))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Dossiers newest first: of {@code organization} (a vendor's view; null = every organization), or only those
     * ever submitted (the reviewers' view), for one app (null = any) and in one of {@code states} (empty = any).
     */
    public PanacheQuery<M2Dossier> search(String organization, boolean submittedOnly, UUID appId,
            Set<M2DossierState> states) {
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
     * Dossiers waiting for test results or a decision, and grants awaiting re-assessment, longest waiting first.
     */
    public PanacheQuery<M2Dossier> queue() {
        return find("state in :states or (state = :approved and reassessmentDueOn is not null)",
                Sort.ascending("waitingSince").and("id"), Parameters.with("states", M2DossierState.IN_QUEUE)
                        .and("approved", M2DossierState.APPROVED));
    }
}
