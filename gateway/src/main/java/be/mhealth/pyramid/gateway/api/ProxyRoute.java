package be.mhealth.pyramid.gateway.api;

import java.util.Locale;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;

import be.mhealth.pyramid.gateway.config.GatewayConfig;
import be.mhealth.pyramid.gateway.service.RateLimiter;
import be.mhealth.pyramid.gateway.service.Upstreams;
import be.mhealth.pyramid.gateway.service.VerifiedTokens;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Everything under {@code /api/} and {@code /fhir/}: picks the route, enforces the body cap, checks the token at the edge
 * (unless the route is public for reads; a token verified before is known from {@link VerifiedTokens}), applies the
 * caller's rate limit and hands the request to the upstream's proxy.
 */
@ApplicationScoped
public class ProxyRoute {

    private final Upstreams upstreams;
    private final RateLimiter rateLimiter;
    private final IdentityProviderManager identityProviderManager;
    private final VerifiedTokens verifiedTokens;
    private final long maxBodySize;
    private final long bodyTimeoutMillis;
    private final long bodyMinRate;

    public ProxyRoute(Upstreams upstreams, RateLimiter rateLimiter, IdentityProviderManager identityProviderManager,
            VerifiedTokens verifiedTokens, GatewayConfig config) {
        this.upstreams = upstreams;
        this.rateLimiter = rateLimiter;
        this.identityProviderManager = identityProviderManager;
        this.verifiedTokens = verifiedTokens;
        this.maxBodySize = config.maxBodySize().asLongValue();
        this.bodyTimeoutMillis = config.bodyTimeout().toMillis();
        this.bodyMinRate = Math.max(1, config.bodyMinRate().asLongValue());
    }

    void register(@Observes Router router) {
        router.route("/api/*").handler(this::handle);
        // FHIR R4 has its own root (FHIR clients expect [base]/metadata, [base]/DeviceDefinition, …).
        router.route("/fhir/*").handler(this::handle);
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
        long declared = declaredLength(request);
        if (tooLarge(request, response, declared)) {
            return;
        }
        request.pause();
        if (declared > 0 || (declared < 0 && request.headers().contains("Transfer-Encoding"))) {
            guardBodyTime(context, declared);
        }
        String method = request.method().name();
        boolean isPublic = route.isPublic(method, path);
        String authorization = request.headers().get("Authorization");
        if (isPublic && authorization == null) {
            String address = EdgeFilter.clientAddress(request);
            proceed(context, route, "ip:" + address, address, rateLimiter.policyFor(null), method);
            return;
        }
        Context vertxContext = context.vertx().getOrCreateContext();
        VerifiedTokens.Caller known = authorization == null ? null : verifiedTokens.get(authorization);
        if (known != null) {
            // Decided on the request's context like a freshly verified token, so both take the same path.
            vertxContext.runOnContext(v -> identified(context, route, known, method));
            return;
        }
        // An invalid token gets the gateway's problem+json 401 instead of Quarkus' empty one.
        context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (ignored,
                failure) -> vertxContext.runOnContext(v -> unauthorized(request, response)));
        QuarkusHttpUser.getSecurityIdentity(context, identityProviderManager).subscribe().with(
                identity -> vertxContext.runOnContext(v -> {
                    if (identity == null || identity.isAnonymous()) {
                        if (isPublic) {
                            String address = EdgeFilter.clientAddress(request);
                            proceed(context, route, "ip:" + address, address, rateLimiter.policyFor(null), method);
                        } else {
                            unauthorized(request, response);
                        }
                    } else {
                        identified(context, route, verified(authorization, identity), method);
                    }
                }),
                failure -> vertxContext.runOnContext(v -> unauthorized(request, response)));
    }

    /** The caller of a token quarkus-oidc has just accepted, kept for the token's next requests. */
    private VerifiedTokens.Caller verified(String authorization, SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            VerifiedTokens.Caller caller = new VerifiedTokens.Caller(subject(identity), jwt.getClaim("azp"));
            verifiedTokens.put(authorization, caller, jwt.getExpirationTime());
            return caller;
        }
        return new VerifiedTokens.Caller(subject(identity), null);
    }

    /** A trusted client (by the token's {@code azp}) spends its own budget; everyone else their subject's. */
    private void identified(RoutingContext context, Upstreams.Route route, VerifiedTokens.Caller caller,
            String method) {
        RateLimiter.Policy policy = rateLimiter.policyFor(caller.client());
        String key = policy == rateLimiter.policyFor(null) ? "sub:" + caller.subject() : "client:" + caller.client();
        proceed(context, route, key, caller.subject(), policy, method);
    }

    private void proceed(RoutingContext context, Upstreams.Route route, String key, String caller,
            RateLimiter.Policy policy, String method) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        context.put(EdgeFilter.CALLER_KEY, caller);
        RateLimiter.CallerState state = rateLimiter.caller(key, policy);
        if (!rateLimiter.enter(state)) {
            response.putHeader("Retry-After", "1");
            Problems.send(response, 429, "too-many-requests", "Too many requests",
                    "this caller has " + policy.maxInFlight() + " requests in progress already; retry after 1 s");
            request.resume();
            return;
        }
        context.addEndHandler(v -> rateLimiter.exit(state));
        RateLimiter.Kind kind = switch (method) {
            case "GET", "HEAD", "OPTIONS" -> RateLimiter.Kind.READ;
            default -> RateLimiter.Kind.WRITE;
        };
        rateLimiter.acquire(state, kind, retryAfter -> {
            if (retryAfter > 0) {
                response.putHeader("Retry-After", Long.toString(retryAfter));
                Problems.send(response, 429, "too-many-requests", "Too many requests",
                        "the " + kind.name().toLowerCase(Locale.ROOT) + " budget for this caller is used up; retry after "
                                + retryAfter + " s");
                request.resume();
            } else if (!response.closed()) {
                prepareUpstreamHeaders(request);
                route.upstream().forward(request);
            }
        });
    }

    /**
     * A body must arrive within the body timeout plus its length at the minimum rate; a client that trickles it
     * slower gets 408 and its connection is closed (the upstream request is aborted with it).
     */
    private void guardBodyTime(RoutingContext context, long declared) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        long length = declared > 0 ? declared : maxBodySize;
        long allowed = bodyTimeoutMillis + length * 1000 / bodyMinRate;
        long timer = context.vertx().setTimer(allowed, id -> {
            if (request.isEnded()) {
                return;
            }
            if (!response.headWritten()) {
                response.setStatusCode(408).putHeader("Connection", "close")
                        .putHeader("Content-Type", Problems.MEDIA_TYPE)
                        .end(Problems.body(408, "request-timeout", "Request timeout",
                                "the request body did not arrive within " + allowed + " ms"))
                        .onComplete(v -> request.connection().close());
            } else {
                request.connection().close();
            }
        });
        // An answer given before the body arrived (401, 429) does not free the connection from a slow body.
        context.addEndHandler(v -> {
            if (request.isEnded()) {
                context.vertx().cancelTimer(timer);
            }
        });
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
        // The direct peer is appended (the client address the gateway uses may come from a trusted proxy's header).
        String peer = request.connection().remoteAddress() != null ? request.connection().remoteAddress().hostAddress()
                : "unknown";
        String forwardedFor = headers.get("X-Forwarded-For");
        headers.set("X-Forwarded-For", forwardedFor == null ? peer : forwardedFor + ", " + peer);
        // Where the client reached the platform, so that the services build Location and other absolute URLs on the
        // gateway (they trust these headers from the gateway only, quarkus.http.proxy.*). Set from the gateway's own
        // view of the request, never passed on from the client; the standard Forwarded header is not used.
        String scheme = request.scheme() != null ? request.scheme() : "http";
        HostAndPort authority = request.authority();
        headers.remove("Forwarded");
        headers.remove("X-Forwarded-Prefix");
        headers.remove("X-Forwarded-Server");
        headers.remove("X-Forwarded-Ssl");
        headers.set("X-Forwarded-Proto", scheme);
        if (authority != null) {
            int port = authority.port() > 0 ? authority.port() : "https".equals(scheme) ? 443 : 80;
            headers.set("X-Forwarded-Host", authority.host());
            headers.set("X-Forwarded-Port", Integer.toString(port));
        } else {
            headers.remove("X-Forwarded-Host");
            headers.remove("X-Forwarded-Port");
        }
    }

    /** The declared Content-Length: -1 when there is none, -2 when it is not a number. */
    private static long declaredLength(HttpServerRequest request) {
        String declared = request.getHeader("Content-Length");
        if (declared == null) {
            return -1;
        }
        try {
            long length = Long.parseLong(declared.trim());
            return length < 0 ? -2 : length;
        } catch (NumberFormatException e) {
            return -2;
        }
    }

    /** Declared lengths over the cap are refused before reading; bodies of unknown length are counted later. */
    private boolean tooLarge(HttpServerRequest request, HttpServerResponse response, long length) {
        if (length == -2) {
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
