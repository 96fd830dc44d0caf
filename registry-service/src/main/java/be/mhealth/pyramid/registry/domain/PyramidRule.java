package be.mhealth.pyramid.registry.domain;

import java.util.Set;

import be.mhealth.pyramid.events.Level;

/**
 * The pyramid rule, decided here and nowhere else: an app's effective level is the highest level L such
 * that every level from M1 up to L holds an active grant; without an active M1 grant it has no level. An app its
 * vendor withdrew from the market has no level, whatever grants it holds (decisions arriving after the withdrawal are
 * kept on its grants, but never relist it).
 */
public final class PyramidRule {
    private PyramidRule() {
    }

    /** The effective level of an app with these active grants; null means "no level" (not listed). */
    public static Level effectiveLevel(Set<Level> activeGrants, boolean withdrawnFromMarket) {
        return withdrawnFromMarket ? null : effectiveLevel(activeGrants);
    }

    /** The effective level for these active grants; null means "no level" (not listed). */
    public static Level effectiveLevel(Set<Level> activeGrants) {
        Level reached = null;
        for (Level level : Level.values()) {
            if (!activeGrants.contains(level)) {
                break;
            }
            reached = level;
        }
        return reached;
    }
}
