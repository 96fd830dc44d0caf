package be.mhealth.pyramid.registry.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Level;

/** The platform's headline figures. */
@Schema(name = "Stats", requiredProperties = { "listed", "perLevel" })
public record StatsView(
        @Schema(description = "apps in the catalog (any level)") long listed,
        @Schema(description = "listed apps per effective level") Map<Level, Long> perLevel,
        @Schema(description = "formerly listed apps, now without a level (in the catalog with include=delisted)")
        long delisted) {
}
