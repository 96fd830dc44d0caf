package be.mhealth.pyramid.support.security;

/** The realm roles of the design (section "Security"). */
public final class Roles {
    public static final String VENDOR = "vendor";
    public static final String FAMHP_ASSESSOR = "famhp-assessor";
    public static final String EHEALTH_ASSESSOR = "ehealth-assessor";
    public static final String NIHDI_ASSESSOR = "nihdi-assessor";
    public static final String TEST_CENTRE = "test-centre";
    public static final String PLATFORM_ADMIN = "platform-admin";

    private Roles() {
    }
}
