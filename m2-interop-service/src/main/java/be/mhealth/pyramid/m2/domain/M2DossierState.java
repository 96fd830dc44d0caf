package be.mhealth.pyramid.m2.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where an M2 dossier stands in its life cycle ({@link M2Lifecycle} says how it moves). */
public enum M2DossierState {
    DRAFT, SUBMITTED, IN_REVIEW, INFO_REQUESTED, APPROVED, REJECTED, WITHDRAWN, REVOKED,
    /** Closed because the vendor took the app off the market (open dossiers and the grant alike). */
    CLOSED;

    /**
     * States that block a second dossier for the same app: still open, or an active grant (also what a market
     * withdrawal closes).
     */
    public static final Set<M2DossierState> BLOCKING = EnumSet.of(DRAFT, SUBMITTED, IN_REVIEW, INFO_REQUESTED,
            APPROVED);

    /** States waiting for the test centre and the eHealth platform: the review queue (and grants to re-assess). */
    public static final Set<M2DossierState> IN_QUEUE = EnumSet.of(SUBMITTED, IN_REVIEW);

    /** The vendor may change the risk assessment. */
    public boolean editable() {
        return this == DRAFT || this == INFO_REQUESTED;
    }

    /** A test centre may record results. */
    public boolean acceptsTestResults() {
        return IN_QUEUE.contains(this);
    }
}
