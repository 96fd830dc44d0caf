package be.mhealth.pyramid.m3.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m3.domain.DossierState;
import be.mhealth.pyramid.m3.domain.ReimbursementDossier;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DossierRepository implements PanacheRepositoryBase<ReimbursementDossier, UUID> {

    /** The states in which NIHDI owns the next step. */
    public static final List<DossierState> QUEUE_STATES = List.of(DossierState.SUBMITTED, DossierState.IN_EVALUATION);

    /** The app's dossier that is not closed, if any. */
    public Optional<ReimbursementDossier> openFor(UUID appId) {
        return find("appId = ?1 and state not in ?2", appId, DossierState.CLOSED).firstResultOptional();
    }

    /** An organization's dossiers, newest first; {@code state} and {@code appId} narrow it when given. */
    public PanacheQuery<ReimbursementDossier> ofOrganization(String organization, DossierState state, UUID appId) {
        return filtered("organizationId = :organization", Parameters.with("organization", organization), state,
                appId);
    }

    /** Every dossier that was ever submitted (drafts stay the vendor's), newest first; filters as above. */
    public PanacheQuery<ReimbursementDossier> submitted(DossierState state, UUID appId) {
        return filtered("submittedAt is not null", new Parameters(), state, appId);
    }

    private PanacheQuery<ReimbursementDossier> filtered(String base, Parameters parameters, DossierState state,
            UUID appId) {
        StringBuilder query = new StringBuilder(base);
        if (state != null) {
            query.append(" and state = :state");
            parameters.and("state", state);
        }
        if (appId != null) {
            query.append(" and appId = :appId");
            parameters.and("appId", appId);
        }
        return find(query.toString(), Sort.descending("createdAt").and("id"), parameters);
    }

    /** The review queue: dossiers awaiting NIHDI, earliest due first; only the overdue ones when asked. */
    public PanacheQuery<ReimbursementDossier> queue(LocalDate today, boolean overdueOnly) {
        Sort order = Sort.ascending("dueOn").and("submittedAt").and("id");
        return overdueOnly
                ? find("state in :states and dueOn < :today", order,
                        Parameters.with("states", QUEUE_STATES).and("today", today))
                : find("state in :states", order, Parameters.with("states", QUEUE_STATES));
    }

    public List<UUID> withClarificationDueBefore(LocalDate day) {
        return ids("clarificationRequestedOn", DossierState.CLARIFICATION_REQUESTED,
                day.minusDays(ReimbursementDossier.CLARIFICATION_MAX_DAYS));
    }

    public List<UUID> temporaryEndedBefore(LocalDate day) {
        return ids("reimbursementEnd", DossierState.APPROVED_TEMPORARY, day);
    }

    /** The ids of the dossiers in {@code state} whose {@code dateField} lies before {@code day}. */
    private List<UUID> ids(String dateField, DossierState state, LocalDate day) {
        return getEntityManager().createQuery("select d.id from ReimbursementDossier d where d.state = :state and d."
                + dateField + " < :day order by d.id", UUID.class)
                .setParameter("state", state).setParameter("day", day).getResultList();
    }
}
