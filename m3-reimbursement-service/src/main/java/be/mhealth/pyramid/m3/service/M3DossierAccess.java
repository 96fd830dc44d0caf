package be.mhealth.pyramid.m3.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m3.domain.M3Dossier;
import be.mhealth.pyramid.m3.repository.M3DossierRepository;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;

/**
 * Who may see and change which dossier. A vendor: its own organization's dossiers. NIHDI (assessors and its
 * system client): every dossier that was ever submitted, never a draft. Anything else is "not found" (404), never
 * "forbidden", so that no one learns that another's dossier exists. Reads, lists and history all go
 * through here.
 */
@ApplicationScoped
public class M3DossierAccess {

    private final M3DossierRepository dossiers;
    private final Caller caller;

    M3DossierAccess(M3DossierRepository dossiers, Caller caller) {
        this.dossiers = dossiers;
        this.caller = caller;
    }

    /** Which dossiers a list may show the caller. */
    public record Scope(String organization, boolean submittedOnly) {
    }

    public Scope scope() {
        return isAssessor() ? new Scope(null, true) : new Scope(caller.requireOrganization(), false);
    }

    /** The dossier, if the caller may read it. */
    public M3Dossier readable(UUID id) {
        return visible(dossiers.findByIdOptional(id).orElse(null), id, isAssessor());
    }

    /** The dossier locked for a change by its owning vendor. */
    public M3Dossier forVendorChange(UUID id) {
        return visible(dossiers.findForUpdate(id).orElse(null), id, false);
    }

    /** The dossier locked for a change by NIHDI. */
    public M3Dossier forAssessorChange(UUID id) {
        return visible(dossiers.findForUpdate(id).orElse(null), id, true);
    }

    private boolean isAssessor() {
        return caller.hasRole(Roles.NIHDI_ASSESSOR);
    }

    private M3Dossier visible(M3Dossier dossier, UUID id, boolean asAssessor) {
        boolean visible = dossier != null && (asAssessor ? dossier.submittedAt() != null
                : dossier.organizationId().equals(caller.requireOrganization()));
        if (!visible) {
            throw new ResourceNotFoundException("dossier", id);
        }
        return dossier;
    }
}
