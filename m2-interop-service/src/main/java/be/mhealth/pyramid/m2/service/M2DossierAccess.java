package be.mhealth.pyramid.m2.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m2.domain.M2Dossier;
import be.mhealth.pyramid.m2.repository.M2DossierRepository;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;

/**
 * Who may see and change which dossier. A vendor: its own organization's dossiers. Reviewers (the eHealth
 * platform's assessors and test centres): every dossier that was ever submitted, never a draft. Anything else is
 * "not found" (404), never "forbidden", so that no one learns that another's dossier exists. Reads, lists, history
 * and test results all go through here.
 */
@ApplicationScoped
public class M2DossierAccess {

    private final M2DossierRepository dossiers;
    private final Caller caller;

    M2DossierAccess(M2DossierRepository dossiers, Caller caller) {
        this.dossiers = dossiers;
        this.caller = caller;
    }

    /** Which dossiers a list may show the caller. */
    public record Scope(String organization, boolean submittedOnly) {
    }

    public Scope scope() {
        return isReviewer() ? new Scope(null, true) : new Scope(caller.requireOrganization(), false);
    }

    /** The dossier, if the caller may read it. */
    public M2Dossier readable(UUID id) {
        return visible(dossiers.findByIdOptional(id).orElse(null), id, isReviewer());
    }

    /** The dossier locked for a change by its owning vendor. */
    public M2Dossier forVendorChange(UUID id) {
        return visible(dossiers.findForUpdate(id).orElse(null), id, false);
    }

    /** The dossier locked for a change by a reviewer: the eHealth platform's decision, a test centre's result. */
    public M2Dossier forReviewerChange(UUID id) {
        return visible(dossiers.findForUpdate(id).orElse(null), id, true);
    }

    private boolean isReviewer() {
        return caller.hasRole(Roles.EHEALTH_ASSESSOR) || caller.hasRole(Roles.TEST_CENTRE);
    }

    private M2Dossier visible(M2Dossier dossier, UUID id, boolean asReviewer) {
        boolean visible = dossier != null && (asReviewer ? dossier.submittedAt() != null
                : dossier.organizationId().equals(caller.requireOrganization()));
        if (!visible) {
            throw new ResourceNotFoundException("dossier", id);
        }
        return dossier;
    }
}
