package be.mhealth.pyramid.notification.domain;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.support.security.Roles;

/** The authorities that subscribe for their level, by the realm role their people and systems carry. */
public enum Authority {
    FAMHP(Level.M1, Roles.FAMHP_ASSESSOR),
    EHEALTH(Level.M2, Roles.EHEALTH_ASSESSOR),
    NIHDI(Level.M3, Roles.NIHDI_ASSESSOR),
    /** The independent test centres that record M2 results. */
    TEST_CENTRE(Level.M2, Roles.TEST_CENTRE);

    private final Level level;
    private final String role;

    Authority(Level level, String role) {
        this.level = level;
        this.role = role;
    }

    public Level level() {
        return level;
    }

    public String role() {
        return role;
    }

    /** The authority that decides at {@code level} (what a webhook names instead of the person who decided). */
    public static Authority deciding(Level level) {
        return switch (level) {
            case M1 -> FAMHP;
            case M2 -> EHEALTH;
            case M3 -> NIHDI;
        };
    }
}
