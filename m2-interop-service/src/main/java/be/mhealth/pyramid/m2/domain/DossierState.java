package be.mhealth.pyramid.m2.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * An M2 dossier's life cycle: DRAFT → SUBMITTED → IN_REVIEW ⇄ INFO_REQUESTED → APPROVED | REJECTED;
 * APPROVED → REVOKED; an undecided dossier may be WITHDRAWN.
 */
public enum DossierState {
    DRAFT, SUBMITTED, IN_REVIEW, INFO_REQUESTED, APPROVED, REJECTED, REVOKED, WITHDRAWN;

    /** States in which the vendor may still withdraw. */
    public static final Set<DossierState> UNDECIDED = EnumSet.of(DRAFT, SUBMITTED, IN_REVIEW, INFO_REQUESTED);

    /** States that block a new dossier for the same app. */
    public static final Set<DossierState> ACTIVE = EnumSet.of(DRAFT, SUBMITTED, IN_REVIEW, INFO_REQUESTED, APPROVED);

    public boolean isEditable() {
        return this == DRAFT || this == INFO_REQUESTED;
    }

    /** States in which a test centre may record results. */
    public boolean acceptsTestResults() {
        return this == SUBMITTED || this == IN_REVIEW;
    }
}
