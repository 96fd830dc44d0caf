package be.mhealth.pyramid.registry.repository;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.domain.Platform;
import be.mhealth.pyramid.registry.domain.TargetUser;

/** A catalog request: every filter is optional (null); {@code language} picks the name and text to search. */
public record CatalogFilter(Level minLevel, Category category, Platform platform, TargetUser targetUser, String text,
        Language language) {
}
