package be.mhealth.pyramid.support.inbox;

/** Text from a record made safe for PostgreSQL text columns, which cannot hold the NUL character. */
final class Texts {
    private Texts() {
    }

    static String storable(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    /** At most {@code max} characters, NUL replaced. */
    static String storable(String text, int max) {
        String safe = storable(text);
        return safe == null || safe.length() <= max ? safe : safe.substring(0, max - 1) + "…";
    }
}
