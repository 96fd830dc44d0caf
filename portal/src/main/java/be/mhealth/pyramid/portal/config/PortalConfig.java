package be.mhealth.pyramid.portal.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "pyramid.portal")
public interface PortalConfig {

    /** The gateway: the portal's only way to the platform. */
    String gatewayUrl();

    /** How long a public page may be kept by browsers and shared caches before they revalidate it. */
    @WithDefault("60s")
    Duration publicMaxAge();

    /** Apps per catalog page. */
    @WithDefault("12")
    int pageSize();

    /** How long the portal waits for the gateway. */
    @WithDefault("10s")
    Duration gatewayTimeout();
}
