package be.mhealth.pyramid.support.problem;

/** The request conflicts with the resource's current state (an illegal transition, a duplicate). */
public class StateConflictException extends RuntimeException {
    private final String slug;
    private final String currentState;

    public StateConflictException(String slug, String detail, String currentState) {
        super(detail);
        this.slug = slug;
        this.currentState = currentState;
    }

    /** An illegal life-cycle transition. */
    public static StateConflictException illegalTransition(String action, Enum<?> current) {
        return new StateConflictException("illegal-transition",
                "cannot " + action + " a dossier in state " + current.name(), current.name());
    }

    public String slug() {
        return slug;
    }

    public String currentState() {
        return currentState;
    }
}
