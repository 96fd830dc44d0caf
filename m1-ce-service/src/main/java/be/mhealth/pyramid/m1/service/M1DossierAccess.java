package be.mhealth.pyramid.m1.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.repository.M1DossierRepository;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;

/**
 * Who may see and change which dossier. A vendor: its own organization's dossiers. FAMHP (assessors and its
 * system client): every dossier that was ever submitted, never a draft. Anything else is "not found" (404), never
 * "forbidden", so that no one learns that another's dossier exists. Reads, lists, history and attachments all go
 * through here.
 */
@ApplicationScoped
public class M1DossierAccess {

    private final M1DossierRepository dossiers;
    private final Caller caller;

    M1DossierAccess(M1DossierRepository dossiers, Caller caller) {
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
    public M1Dossier readable(UUID id) {
        return visible(dossiers.findByIdOptional(id).orElse(null), id, isAssessor());
    }

    /** The dossier locked for a change by its owning vendor. */
    public M1Dossier forVendorChange(UUID id) {
        return visible(dossiers.findForUpdate(id).orElse(null), id, false);
    }

    /** The dossier locked for a change by FAMHP. */
    public M1Dossier forAssessorChange(UUID id) {
        return visible(dossiers.findForUpdate(id).orElse(null), id, true);
    }

    private boolean isAssessor() {
        return caller.hasRole(Roles.FAMHP_ASSESSOR);
    }

    private M1Dossier visible(M1Dossier dossier, UUID id, boolean asAssessor) {
        boolean visible = dossier != null && (asAssessor ? dossier.submittedAt() != null
                : dossier.organizationId().equals(caller.requireOrganization()));
        if (!visible) {
            throw new ResourceNotFoundException("dossier", id);
        }
        return dossier;
    }
}
