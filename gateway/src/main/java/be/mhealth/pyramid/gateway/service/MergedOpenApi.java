package be.mhealth.pyramid.gateway.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import be.mhealth.pyramid.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * The merged OpenAPI document the gateway serves: the upstreams' own documents ({@code /q/openapi}), merged by
 * {@link OpenApiMerger} with the gateway's routes, exactly as the build merges the stored ones. Cached for a short
 * time; an upstream that cannot be read is left out with a warning, and merge problems are logged (the build fails
 * on them, so a running gateway sees one only when services of another build answer).
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);

    private record Cached(JsonObject document, long expiresAt) {
    }

    private final Upstreams upstreams;
    private final GatewayConfig.OpenApi config;
    private final OpenApiMerger.Settings settings;
    private volatile Cached cached;

    public MergedOpenApi(Upstreams upstreams, GatewayConfig config,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl) {
        this.upstreams = upstreams;
        this.config = config.openapi();
        this.settings = new OpenApiMerger.Settings(this.config.title(), this.config.version(),
                openIdConnectUrl(config.openapi(), authServerUrl.orElse(null)));
    }

    /** Keycloak's discovery document as browsers reach it: configured, else the one tokens are checked against. */
    public static String openIdConnectUrl(GatewayConfig.OpenApi config, String authServerUrl) {
        return config.openIdConnectUrl().orElseGet(() -> (authServerUrl == null || authServerUrl.isBlank()
                ? "http://localhost:8180/realms/pyramid" : authServerUrl.replaceFirst("/+$", ""))
                + "/.well-known/openid-configuration");
    }

    public String openIdConnectUrl() {
        return settings.openIdConnectUrl();
    }

    public Future<JsonObject> document() {
        Cached current = cached;
        if (current != null && System.nanoTime() < current.expiresAt()) {
            return Future.succeededFuture(current.document());
        }
        List<UpstreamProxy> sources = new ArrayList<>(upstreams.all());
        List<Future<JsonObject>> fetches = sources.stream().map(this::fetch).toList();
        return Future.join(fetches).transform(ignored -> {
            Map<String, JsonObject> documents = new LinkedHashMap<>();
            for (int i = 0; i < sources.size(); i++) {
                if (fetches.get(i).succeeded()) {
                    documents.put(sources.get(i).name(), fetches.get(i).result());
                } else {
                    LOG.warnf("OpenAPI of upstream %s unavailable, its paths are left out: %s", sources.get(i).name(),
                            fetches.get(i).cause().getMessage());
                }
            }
            OpenApiMerger.Result merged = OpenApiMerger.merge(documents, upstreams.table(), settings);
            merged.problems().forEach(problem -> LOG.warnf("OpenAPI merge: %s", problem));
            cached = new Cached(merged.document(), System.nanoTime() + config.cacheTtl().toNanos());
            return Future.succeededFuture(merged.document());
        });
    }

    private Future<JsonObject> fetch(UpstreamProxy upstream) {
        return upstream.client()
                .request(upstream.request(upstream.config().openapiPath()).setMethod(HttpMethod.GET)
                        .putHeader("Accept", "application/json"))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("status " + response.statusCode()))
                .map(JsonObject::new);
    }
}
