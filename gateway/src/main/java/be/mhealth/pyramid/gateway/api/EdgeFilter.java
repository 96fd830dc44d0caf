package be.mhealth.pyramid.gateway.api;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs first on every request: settles the request id and W3C trace context (passed on to the service and
 * returned), sets the security headers on every response, and writes one access-log line per request.
 */
@ApplicationScoped
public class EdgeFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    /** Routing-context keys set by the other handlers for the access log and the response headers. */
    public static final String ROUTE_KEY = "pyramid.route";
    public static final String CALLER_KEY = "pyramid.caller";
    public static final String CSP_KEY = "pyramid.csp";

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private static final Logger ACCESS = Logger.getLogger("pyramid.gateway.access");
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final String INVALID_TRACE_ID = "0".repeat(32);

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1000);
    }

    void handle(RoutingContext context) {
        long start = System.nanoTime();
        HttpServerRequest request = context.request();
        MultiMap headers = request.headers();

        String requestId = headers.get(REQUEST_ID);
        if (requestId == null || !SAFE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
            headers.set(REQUEST_ID, requestId);
        }
        String traceparent = headers.get("traceparent");
        if (!validTraceparent(traceparent)) {
            traceparent = newTraceparent();
            headers.set("traceparent", traceparent);
            headers.remove("tracestate");
        }
        String tracestate = headers.get("tracestate");

        String id = requestId;
        String trace = traceparent;
        context.addHeadersEndHandler(v -> {
            MultiMap out = context.response().headers();
            out.set(REQUEST_ID, id);
            out.set("traceparent", trace);
            if (tracestate != null) {
                out.set("tracestate", tracestate);
            }
            out.set("X-Content-Type-Options", "nosniff");
            out.set("X-Frame-Options", "DENY");
            out.set("Referrer-Policy", "no-referrer");
            out.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            String csp = context.get(CSP_KEY);
            out.set("Content-Security-Policy", csp != null ? csp : API_CSP);
        });
        context.addEndHandler(result -> {
            String caller = context.get(CALLER_KEY);
            if (caller == null) {
                caller = clientAddress(request);
            }
            String route = context.get(ROUTE_KEY);
            // A response that could not be completed (the client went away) is logged as aborted.
            ACCESS.infof("%s %s route=%s status=%s duration_ms=%d caller=%s request_id=%s", request.method(),
                    request.path(), route != null ? route : "-",
                    result.succeeded() ? String.valueOf(context.response().getStatusCode()) : "aborted",
                    (System.nanoTime() - start) / 1_000_000, caller, id);
        });
        context.next();
    }

    static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() != null ? request.remoteAddress().hostAddress() : "unknown";
    }

    private static boolean validTraceparent(String value) {
        return value != null && TRACEPARENT.matcher(value).matches() && !value.startsWith("ff")
                && !value.substring(3, 35).equals(INVALID_TRACE_ID) && !value.substring(36, 52).equals("0".repeat(16));
    }

    private static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("00-%016x%016x-%016x-01", random.nextLong() | 1, random.nextLong(), random.nextLong() | 1);
    }
}
