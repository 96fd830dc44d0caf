package be.mhealth.pyramid.registry.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.DelistingReason;
import be.mhealth.pyramid.registry.domain.Language;

/**
 * What a catalog item shows of an app, its texts already in one language (read without loading the entity). A
 * delisted app has no level, and says since when and why.
 */
public record CatalogRow(UUID id, Level level, String name, String summary, Language textLanguage, Category category,
        List<String> platforms, List<String> targetUsers, String website, OffsetDateTime delistedAt,
        DelistingReason delistingReason) {
}
