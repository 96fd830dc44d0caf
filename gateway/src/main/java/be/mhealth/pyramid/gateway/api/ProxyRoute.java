package be.mhealth.pyramid.gateway.api;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;

import be.mhealth.pyramid.gateway.config.GatewayConfig;
import be.mhealth.pyramid.gateway.service.RateLimiter;
import be.mhealth.pyramid.gateway.service.Upstreams;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Everything under {@code /api/}: picks the route, enforces the body cap, checks the token at the edge (unless the
 * route is public for reads), applies the caller's rate limit and hands the request to the upstream's proxy.
 */
@ApplicationScoped
public class ProxyRoute {

    private final Upstreams upstreams;
    private final RateLimiter rateLimiter;
    private final IdentityProviderManager identityProviderManager;
    private final long maxBodySize;

    public ProxyRoute(Upstreams upstreams, RateLimiter rateLimiter, IdentityProviderManager identityProviderManager,
            GatewayConfig config) {
        this.upstreams = upstreams;
        this.rateLimiter = rateLimiter;
        this.identityProviderManager = identityProviderManager;
        this.maxBodySize = config.maxBodySize().asLongValue();
    }

    void register(@Observes Router router) {
        router.route("/api/*").handler(this::handle);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        String path = request.path();
        if (!path.equals(context.normalizedPath()) || path.toLowerCase(Locale.ROOT).contains("%2f")
                || path.contains("\\")) {
            Problems.send(response, 400, "bad-path", "Bad request path",
                    "the path must not contain dot segments, encoded slashes or backslashes");
            return;
        }
        Upstreams.Route route = upstreams.route(path).orElse(null);
        if (route == null) {
            Problems.send(response, 404, "not-found", "Not found", "no service serves " + path);
            return;
        }
        context.put(EdgeFilter.ROUTE_KEY, route.name());
        if (tooLarge(request, response)) {
            return;
        }
        request.pause();
        String method = request.method().name();
        boolean isPublic = route.isPublic(method, path);
        if (isPublic && !request.headers().contains("Authorization")) {
            proceed(context, route, EdgeFilter.clientAddress(request), method);
            return;
        }
        Context vertxContext = context.vertx().getOrCreateContext();
        // An invalid token gets the gateway's problem+json 401 instead of Quarkus' empty one.
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (ignored,
                failure) -> vertxContext.runOnContext(v -> unauthorized(request, response)));
        QuarkusHttpUser.getSecurityIdentity(context, identityProviderManager).subscribe().with(
                identity -> vertxContext.runOnContext(v -> {
                    if (identity == null || identity.isAnonymous()) {
                        if (isPublic) {
                            proceed(context, route, EdgeFilter.clientAddress(request), method);
                        } else {
                            unauthorized(request, response);
                        }
                    } else {
                        proceed(context, route, subject(identity), method);
                    }
                }),
                failure -> vertxContext.runOnContext(v -> unauthorized(request, response)));
    }

    private void proceed(RoutingContext context, Upstreams.Route route, String caller, String method) {
        HttpServerRequest request = context.request();
        context.put(EdgeFilter.CALLER_KEY, caller);
        RateLimiter.Kind kind = switch (method) {
            case "GET", "HEAD", "OPTIONS" -> RateLimiter.Kind.READ;
            default -> RateLimiter.Kind.WRITE;
        };
        OptionalLong retryAfter = rateLimiter.tryAcquire(caller, kind);
        if (retryAfter.isPresent()) {
            context.response().putHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
            Problems.send(context.response(), 429, "too-many-requests", "Too many requests",
                    "the " + kind.name().toLowerCase(Locale.ROOT) + " budget for this caller is used up; retry after "
                            + retryAfter.getAsLong() + " s");
            request.resume();
            return;
        }
        prepareUpstreamHeaders(request);
        route.upstream().forward(request);
    }

    private static void prepareUpstreamHeaders(HttpServerRequest request) {
        MultiMap headers = request.headers();
        // Headers the client marked hop-by-hop in Connection are not passed on (the proxy drops the standard ones).
        for (String connection : headers.getAll("Connection")) {
            for (String token : connection.split(",")) {
                String name = token.trim();
                if (!name.isEmpty()) {
                    headers.remove(name);
                }
            }
        }
        if (headers.contains("Expect", "100-continue", true)) {
            request.response().writeContinue();
        }
        headers.remove("Expect");
        String client = EdgeFilter.clientAddress(request);
        String forwardedFor = headers.get("X-Forwarded-For");
        headers.set("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
        headers.set("X-Forwarded-Proto", request.scheme() != null ? request.scheme() : "http");
    }

    /** Declared lengths over the cap are refused before reading; bodies of unknown length are counted later. */
    private boolean tooLarge(HttpServerRequest request, HttpServerResponse response) {
        String declared = request.getHeader("Content-Length");
        if (declared == null) {
            return false;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0) {
            response.putHeader("Connection", "close");
            Problems.send(response, 400, "bad-request", "Bad request", "invalid Content-Length");
            return true;
        }
        if (length > maxBodySize) {
            response.putHeader("Connection", "close");
            response.endHandler(v -> request.connection().close());
            Problems.send(response, 413, "payload-too-large", "Request body too large",
                    "the request body exceeds the limit of " + maxBodySize + " bytes");
            return true;
        }
        return false;
    }

    private static void unauthorized(HttpServerRequest request, HttpServerResponse response) {
        Problems.unauthorized(response);
        request.resume();
    }

    private static String subject(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
