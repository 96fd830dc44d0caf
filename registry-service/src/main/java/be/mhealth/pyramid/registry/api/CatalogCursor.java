package be.mhealth.pyramid.registry.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.repository.CatalogFilter;
import be.mhealth.pyramid.registry.repository.CatalogQuery;

/**
 * The opaque {@code cursor} of keyset paging: where the next page starts (the last item's level, name and id),
 * its page number, and a fingerprint of the filters and language it belongs to. Base64url of
 * {@code 1|fingerprint|page|level|id|name} ({@code -} as the level of a delisted app).
 */
record CatalogCursor(int fingerprint, int page, CatalogQuery.After after) {

    private static final String VERSION = "1";
    /** The level of a delisted app's key. */
    private static final String DELISTED = "-";

    static int fingerprint(CatalogFilter filter, int size) {
        return (filter.minLevel() + "|" + filter.category() + "|" + filter.platform() + "|" + filter.targetUser()
                + "|" + filter.text() + "|" + filter.language() + "|" + size
                + (filter.includeDelisted() ? "|delisted" : "")).hashCode();
    }

    String encode() {
        String raw = String.join("|", VERSION, Integer.toString(fingerprint), Integer.toString(page),
                after.delisted() ? DELISTED : after.level().name(), after.id().toString(), after.name());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Empty when the text is not a cursor this service made. */
    static Optional<CatalogCursor> decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8)
                    .split("\\|", 6);
            if (parts.length != 6 || !parts[0].equals(VERSION)) {
                return Optional.empty();
            }
            return Optional.of(new CatalogCursor(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    new CatalogQuery.After(parts[3].equals(DELISTED) ? null : Level.valueOf(parts[3]), parts[5],
                            UUID.fromString(parts[4]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
