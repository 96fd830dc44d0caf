package be.mhealth.pyramid.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The registry's settings (prefix {@code registry}). */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    Paging paging();

    interface Paging {
        /** Page size when the request names none. */
        @WithDefault("20")
        int defaultSize();

        /** The largest page size a request may ask for. */
        @WithDefault("100")
        int maxSize();
    }
}
