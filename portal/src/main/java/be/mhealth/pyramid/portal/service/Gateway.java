package be.mhealth.pyramid.portal.service;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.portal.client.ApiClient;
import be.mhealth.pyramid.portal.client.api.AppsApi;
import be.mhealth.pyramid.portal.client.api.CatalogApi;
import be.mhealth.pyramid.portal.client.api.M1DossiersApi;
import be.mhealth.pyramid.portal.client.api.M1ReviewApi;
import be.mhealth.pyramid.portal.client.api.M2DossiersApi;
import be.mhealth.pyramid.portal.client.api.M2ReviewApi;
import be.mhealth.pyramid.portal.client.api.M3DossiersApi;
import be.mhealth.pyramid.portal.client.api.M3ReviewApi;
import be.mhealth.pyramid.portal.config.PortalConfig;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;

/**
 * The platform as the portal reaches it: the client generated from the gateway's OpenAPI document, twice — public
 * pages call with the portal's own client-credentials token (its rate-limit budget at the gateway, shared by all
 * visitors, instead of the small anonymous budget of the portal's single address), signed-in pages with the user's
 * access token. Both share one HTTP client (connection pool). A singleton without a client proxy: its fields are read directly.
 */
@Singleton
public class Gateway {

    private static final Logger LOG = Logger.getLogger(Gateway.class);

    public final CatalogApi publicCatalog;
    public final AppsApi publicApps;
    public final AppsApi userApps;
    public final M1DossiersApi userM1;
    public final M2DossiersApi userM2;
    public final M3DossiersApi userM3;
    public final M3ReviewApi userM3Review;
    public final M1ReviewApi userM1Review;
    public final M2ReviewApi userM2Review;

    private final OidcClient oidcClient;
    private volatile Tokens portalTokens;
    private volatile long retryAfter;

    Gateway(PortalConfig config, OidcClient oidcClient, UserToken userToken) {
        this.oidcClient = oidcClient;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        ApiClient anonymous = client(http, config, this::portalToken);
        ApiClient user = client(http, config, userToken::value);
        publicCatalog = new CatalogApi(anonymous);
        publicApps = new AppsApi(anonymous);
        userApps = new AppsApi(user);
        userM1 = new M1DossiersApi(user);
        userM2 = new M2DossiersApi(user);
        userM3 = new M3DossiersApi(user);
        userM3Review = new M3ReviewApi(user);
        userM1Review = new M1ReviewApi(user);
        userM2Review = new M2ReviewApi(user);
    }

    private static ApiClient client(HttpClient http, PortalConfig config, Supplier<String> token) {
        ApiClient client = new ApiClient() {
            @Override
            public HttpClient getHttpClient() {
                return http;
            }
        };
        client.updateBaseUri(config.gatewayUrl());
        client.setReadTimeout(config.gatewayTimeout());
        client.setRequestInterceptor(request -> {
            String bearer = token.get();
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
        });
        return client;
    }

    /**
     * The portal's client-credentials token, renewed before it expires. When Keycloak cannot give one, public pages
     * are read anonymously (the gateway serves public reads without a token) and the portal asks again a little later.
     */
    String portalToken() {
        Tokens tokens = portalTokens;
        if (tokens != null && !tokens.isAccessTokenWithinRefreshInterval() && !tokens.isAccessTokenExpired()) {
            return tokens.getAccessToken();
        }
        if (System.nanoTime() - retryAfter < 0) {
            return null;
        }
        synchronized (this) {
            tokens = portalTokens;
            if (tokens != null && !tokens.isAccessTokenWithinRefreshInterval() && !tokens.isAccessTokenExpired()) {
                return tokens.getAccessToken();
            }
            try {
                portalTokens = tokens = oidcClient.getTokens().await().atMost(Duration.ofSeconds(3));
                return tokens.getAccessToken();
            } catch (RuntimeException e) {
                LOG.warnf("no client-credentials token for the portal (%s); public pages are read anonymously for 30 s",
                        e.getMessage());
                retryAfter = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                return null;
            }
        }
    }
}
