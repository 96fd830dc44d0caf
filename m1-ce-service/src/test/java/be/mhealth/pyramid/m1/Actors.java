package be.mhealth.pyramid.m1;

/** The users of the M1 tests (as {@code @TestSecurity} and the {@code organization} claim name them). */
public final class Actors {
    /** A vendor of {@link #MEDISOFT}. */
    public static final String ALICE = "alice";
    /** A vendor of {@link #CARELAB}. */
    public static final String BOB = "bob";
    /** A FAMHP assessor. */
    public static final String FIONA = "fiona";
    public static final String MEDISOFT = "medisoft";
    public static final String CARELAB = "carelab";

    private Actors() {
    }
}
