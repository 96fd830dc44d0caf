package be.mhealth.pyramid.support.inbox;

/** Where a parked event stands. PARKED and HELD are unresolved; APPLIED and DISCARDED are resolved. */
public enum ParkedEventStatus {
    /** It could not be applied; the first unresolved event of its app: later ones are held behind it. */
    PARKED,
    /** A later event of the same app, waiting behind the first unresolved one (not tried yet). */
    HELD,
    /** Applied after all: retried by an operator, or released after the one it was held behind. */
    APPLIED,
    /** An operator discarded it, with a reason. */
    DISCARDED;

    public boolean resolved() {
        return this == APPLIED || this == DISCARDED;
    }
}
