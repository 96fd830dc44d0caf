package be.mhealth.pyramid.registry.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.registry.service.CatalogFacets;

/** One page of the catalog. */
@Schema(name = "CatalogPage", requiredProperties = { "items", "page", "size", "total", "language", "facets" })
public record CatalogPage(List<CatalogItem> items, int page, int size, long total,
        @Schema(description = "the language chosen from lang or Accept-Language", ref = "Language")
        String language,
        CatalogFacets facets,
        @Schema(description = "opaque cursor of the next page (pass it as `cursor` with the same filters); absent on "
                + "the last page") String next) {
}
