package be.mhealth.pyramid.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The registry's settings (prefix {@code registry}). */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    Paging paging();

    Catalog catalog();

    Labels labels();

    interface Labels {
        /**
         * Cache-Control of {@code GET /api/v1/labels}. Labels change only with a release; caches keep them an hour,
         * then revalidate (304 while the ETag holds).
         */
        @WithDefault("public, max-age=3600")
        String cacheControl();
    }

    interface Catalog {
        /**
         * Cache-Control of catalog and stats responses. Revalidation costs the registry one tiny query (304 when
         * the ETag still holds), so caches may keep them but must ask: a decision shows at once.
         */
        @WithDefault("public, no-cache")
        String cacheControl();
    }

    interface Paging {
        /** Page size when the request names none. */
        @WithDefault("20")
        int defaultSize();

        /** The largest page size a request may ask for. */
        @WithDefault("100")
        int maxSize();
    }
}
