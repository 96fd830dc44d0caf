package be.mhealth.pyramid.m1.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where an M1 dossier stands in its life cycle ({@link M1Lifecycle} says how it moves). */
public enum M1DossierState {
    DRAFT, SUBMITTED, IN_REVIEW, INFO_REQUESTED, APPROVED, REJECTED, WITHDRAWN, REVOKED, EXPIRED,
    /** The grant was replaced by the approval of its renewal (a newer dossier for the same app). */
    RENEWED,
    /** Closed because the vendor took the app off the market (open dossiers and the grant alike). */
    CLOSED;

    /** Dossiers still open: an app has at most one (a renewal, while it holds a grant, included). */
    public static final Set<M1DossierState> OPEN = EnumSet.of(DRAFT, SUBMITTED, IN_REVIEW, INFO_REQUESTED);

    /** States waiting for FAMHP: the review queue. */
    public static final Set<M1DossierState> IN_QUEUE = EnumSet.of(SUBMITTED, IN_REVIEW);

    /** The vendor may change the dossier's content and attachments. */
    public boolean editable() {
        return this == DRAFT || this == INFO_REQUESTED;
    }
}
