package be.mhealth.pyramid.m1.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m1.domain.Dossier;
import be.mhealth.pyramid.m1.repository.DossierRepository;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;

/**
 * Who may see which dossier: FAMHP assessors every dossier, a vendor only its own organization's. Another
 * organization's dossier is "not found", never "forbidden".
 */
@ApplicationScoped
public class DossierAccess {

    private final DossierRepository dossiers;
    private final Caller caller;

    DossierAccess(DossierRepository dossiers, Caller caller) {
        this.dossiers = dossiers;
        this.caller = caller;
    }

    /** The dossier if the caller may read it. */
    public Dossier readable(UUID id) {
        return check(dossiers.findByIdOptional(id).orElse(null), id, isAssessor());
    }

    /** The dossier locked for a state change by an assessor or the owning vendor. */
    public Dossier forChange(UUID id) {
        return check(dossiers.findForUpdate(id).orElse(null), id, isAssessor());
    }

    /** The dossier locked for a change only its owning vendor may make. */
    public Dossier forVendorChange(UUID id) {
        return check(dossiers.findForUpdate(id).orElse(null), id, false);
    }

    /** Null for assessors (every organization), the caller's organization for vendors. */
    public String organizationFilter() {
        return isAssessor() ? null : caller.requireOrganization();
    }

    private boolean isAssessor() {
        return caller.hasRole(Roles.FAMHP_ASSESSOR);
    }

    private Dossier check(Dossier dossier, UUID id, boolean anyOrganization) {
        if (dossier == null || !(anyOrganization || dossier.organizationId.equals(caller.requireOrganization()))) {
            throw new ResourceNotFoundException("dossier", id);
        }
        return dossier;
    }
}
