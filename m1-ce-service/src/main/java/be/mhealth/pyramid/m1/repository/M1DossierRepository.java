package be.mhealth.pyramid.m1.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class M1DossierRepository implements PanacheRepositoryBase<M1Dossier, UUID> {

    /** The dossier locked for update ({@code select … for update}): changes of one dossier run one after another. */
    public Optional<M1Dossier> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The app's dossier that is still open, if any (at most one: a unique index says so too). */
    public Optional<M1Dossier> findOpen(UUID appId) {
        return find("appId = :appId and state in :states",
                Parameters.with("appId", appId).and("states", M1DossierState.OPEN)).firstResultOptional();
    }

    /** The app's dossier that holds the active grant, if any (at most one). */
    public Optional<M1Dossier> findGrant(UUID appId) {
        return find("appId = :appId and state = :approved",
                Parameters.with("appId", appId).and("approved", M1DossierState.APPROVED)).firstResultOptional();
    }

    /**
     * Dossiers newest first: of {@code organization} (a vendor's view; null = every organization), or only those
     * ever submitted (FAMHP's view), for one app (null = any) and in one of {@code states} (empty = any).
     */
    public PanacheQuery<M1Dossier> search(String organization, boolean submittedOnly, UUID appId,
            Set<M1DossierState> states) {
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

    /** Dossiers waiting for FAMHP (submitted, in review, or a grant awaiting re-assessment), longest first. */
    public PanacheQuery<M1Dossier> queue() {
        return find("state in :states or (state = :approved and reassessmentDueOn is not null)",
                Sort.ascending("waitingSince").and("id"), Parameters.with("states", M1DossierState.IN_QUEUE)
                        .and("approved", M1DossierState.APPROVED));
    }

    /** The app's dossiers that are open or hold the grant (what a market withdrawal closes). */
    public List<M1Dossier> openOrGrantedForUpdate(UUID appId) {
        return find("appId = :appId and (state in :open or state = :approved)", Parameters.with("appId", appId)
                .and("open", M1DossierState.OPEN).and("approved", M1DossierState.APPROVED))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Active grants whose certificate expires on or before {@code until}, soonest first (FAMHP's renewal watch). */
    public PanacheQuery<M1Dossier> grantsExpiringBy(LocalDate until) {
        return find("state = :approved and certificate.expiresOn <= :until",
                Sort.ascending("certificate.expiresOn").and("id"),
                Parameters.with("approved", M1DossierState.APPROVED).and("until", until));
    }

    /**
     * Ids of active grants that may owe an expiry warning on {@code today}: expiring within 90 days and not yet warned
     * at 30 days.
     */
    public List<UUID> warningCandidateIds(LocalDate today) {
        return getEntityManager().createQuery("select d.id from M1Dossier d where d.state = :approved "
                + "and d.certificate.expiresOn <= :in90 and (d.expiryWarning is null "
                + "or (d.expiryWarning = :d90 and d.certificate.expiresOn <= :in30)) "
                + "order by d.certificate.expiresOn, d.id", UUID.class)
                .setParameter("approved", M1DossierState.APPROVED)
                .setParameter("in90", today.plusDays(90))
                .setParameter("in30", today.plusDays(30))
                .setParameter("d90", be.mhealth.pyramid.events.M1Events.ExpiryWarning.DAYS_90)
                .getResultList();
    }

    /** Ids of grants whose certificate expired before {@code today}. */
    public List<UUID> lapsedGrantIds(LocalDate today) {
        return getEntityManager().createQuery("select d.id from M1Dossier d where d.state = :approved "
                + "and d.certificate.expiresOn < :today order by d.certificate.expiresOn, d.id", UUID.class)
                .setParameter("approved", M1DossierState.APPROVED)
                .setParameter("today", today)
                .getResultList();
    }
}
