package be.mhealth.pyramid.registry.repository;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.domain.Platform;
import be.mhealth.pyramid.registry.domain.TargetUser;

/**
 * A catalog request: every filter is optional (null); {@code language} picks the name and text to search;
 * {@code includeDelisted} adds the formerly listed apps (after the listed ones; a {@code minLevel} excludes them).
 */
public record CatalogFilter(Level minLevel, Category category, Platform platform, TargetUser targetUser, String text,
        Language language, boolean includeDelisted) {

    /** Listed apps only. */
    public CatalogFilter(Level minLevel, Category category, Platform platform, TargetUser targetUser, String text,
            Language language) {
        this(minLevel, category, platform, targetUser, text, language, false);
    }

    /** Whether delisted apps can match: asked for, and no level required. */
    public boolean matchesDelisted() {
        return includeDelisted && minLevel == null;
    }
}
