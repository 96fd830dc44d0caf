package be.mhealth.pyramid.registry.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the catalog. */
@Schema(name = "CatalogPage")
public record CatalogPage(List<CatalogItem> items, int page, int size, long total,
        @Schema(description = "the language chosen from lang or Accept-Language (nl, fr, en, de)") String language) {
}
