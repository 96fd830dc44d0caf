package be.mhealth.pyramid.registry.api;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Level;

/** The platform's headline figures. */
@Schema(name = "Stats")
public record StatsView(
        @Schema(description = "apps in the catalog (any level)") long listed,
        @Schema(description = "listed apps per effective level") Map<Level, Long> perLevel) {
}
