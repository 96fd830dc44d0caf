package be.mhealth.pyramid.support.problem;

/** A missing (428) or stale (412) {@code If-Match}. */
public class PreconditionException extends RuntimeException {
    private final boolean missing;

    private PreconditionException(boolean missing, String detail) {
        super(detail);
        this.missing = missing;
    }

    public static PreconditionException missing() {
        return new PreconditionException(true, "this update requires an If-Match header with the record's ETag");
    }

    public static PreconditionException stale(String current) {
        return new PreconditionException(false,
                "the record was changed by someone else; its current ETag is " + current);
    }

    public boolean isMissing() {
        return missing;
    }
}
