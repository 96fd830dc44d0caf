package be.mhealth.pyramid.events;

/** The pyramid's levels, lowest first: an app climbs M1 → M2 → M3. */
public enum Level {
    M1, M2, M3;

    public boolean atLeast(Level other) {
        return other == null || compareTo(other) >= 0;
    }

    /** True when {@code level} (possibly null = no level) is at least {@code required}. */
    public static boolean reaches(Level level, Level required) {
        return level != null && level.atLeast(required);
    }
}
