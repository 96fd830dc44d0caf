package be.mhealth.pyramid.m1.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where an M1 dossier stands in its life cycle (see {@link DossierLifecycle}). */
public enum DossierStatus {
    DRAFT, SUBMITTED, IN_REVIEW, INFO_REQUESTED, APPROVED, REJECTED, WITHDRAWN, REVOKED, EXPIRED;

    /** States that block a second dossier for the same app: still open, or an active grant. */
    public static final Set<DossierStatus> BLOCKING = EnumSet.of(DRAFT, SUBMITTED, IN_REVIEW, INFO_REQUESTED,
            APPROVED);

    /** States waiting for the assessor: the review queue. */
    public static final Set<DossierStatus> IN_QUEUE = EnumSet.of(SUBMITTED, IN_REVIEW);

    /** The vendor may change the dossier's content and attachments. */
    public boolean editable() {
        return this == DRAFT || this == INFO_REQUESTED;
    }
}
