package be.mhealth.pyramid.m2.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m2.domain.M2Dossier;
import be.mhealth.pyramid.m2.repository.DossierRepository;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
import be.mhealth.pyramid.support.security.Caller;

/**
 * Who may see a dossier: a vendor only its own organization's, reviewers (eHealth assessors, test centres)
 * only submitted ones. Anything else is a 404, so no one learns that another's dossier exists.
 */
@ApplicationScoped
public class DossierAccess {

    private final DossierRepository dossiers;
    private final Caller caller;

    DossierAccess(DossierRepository dossiers, Caller caller) {
        this.dossiers = dossiers;
        this.caller = caller;
    }

    public M2Dossier visible(UUID id) {
        return check(id, dossiers.findById(id));
    }

    /** The visible dossier, locked for a write. */
    public M2Dossier forUpdate(UUID id) {
        return check(id, dossiers.findForUpdate(id));
    }

    /** The caller's organization when the caller is a vendor; null for reviewers (who see all submitted). */
    public String vendorOrganization() {
        return caller.isVendor() ? caller.requireOrganization() : null;
    }

    private M2Dossier check(UUID id, M2Dossier dossier) {
        if (dossier == null) {
            throw new ResourceNotFoundException("dossier", id);
        }
        String organization = vendorOrganization();
        boolean visible = organization != null ? dossier.organizationId.equals(organization)
                : dossier.submittedAt != null;
        if (!visible) {
            throw new ResourceNotFoundException("dossier", id);
        }
        return dossier;
    }
}
