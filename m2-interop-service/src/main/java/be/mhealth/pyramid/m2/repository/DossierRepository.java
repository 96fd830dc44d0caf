package be.mhealth.pyramid.m2.repository;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import be.mhealth.pyramid.m2.domain.DossierState;
import be.mhealth.pyramid.m2.domain.M2Dossier;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;

@ApplicationScoped
public class DossierRepository implements PanacheRepositoryBase<M2Dossier, UUID> {

    /** The dossier locked for writing, so that concurrent transitions and test results are serialized. */
    public M2Dossier findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean hasActiveFor(UUID appId) {
        return count("appId = ?1 and state in ?2", appId, DossierState.ACTIVE) > 0;
    }

    /** The eHealth assessors' work list: SUBMITTED and IN_REVIEW dossiers, oldest submission first. */
    public PanacheQuery<M2Dossier> queue() {
        return find("state in ?1 order by submittedAt, id", EnumSet.of(DossierState.SUBMITTED, DossierState.IN_REVIEW));
    }

    /**
     * One page of dossiers. A vendor ({@code organization} set) sees its own, newest first; reviewers see
     * submitted dossiers, oldest submission first (their queue).
     */
    public PanacheQuery<M2Dossier> page(String organization, DossierState state, UUID appId, int page, int size) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (organization != null) {
            where.append("organizationId = :organization");
            params.put("organization", organization);
        } else {
            where.append("submittedAt is not null");
        }
        if (state != null) {
            where.append(" and state = :state");
            params.put("state", state);
        }
        if (appId != null) {
            where.append(" and appId = :appId");
            params.put("appId", appId);
        }
        String order = organization != null ? " order by createdAt desc, id" : " order by submittedAt, id";
        return find(where + order, params).page(Page.of(page, size));
    }
}
