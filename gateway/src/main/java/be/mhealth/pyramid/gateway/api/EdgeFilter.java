package be.mhealth.pyramid.gateway.api;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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

    void register(@Observes Filters filters) {
        filters.register(this::handle, 1000);
    }

    void handle(RoutingContext context) {
        long start = System.nanoTime();
        HttpServerRequest request = context.request();
        MultiMap headers = request.headers();

        String requestId = headers.get(REQUEST_ID);
        if (requestId == null || !safeRequestId(requestId)) {
            requestId = randomUuid();
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
            StringBuilder line = new StringBuilder(160).append(request.method().name()).append(' ')
                    .append(request.path()).append(" route=").append(route != null ? route : "-").append(" status=");
            if (result.succeeded()) {
                line.append(context.response().getStatusCode());
            } else {
                line.append("aborted");
            }
            ACCESS.info(line.append(" duration_ms=").append((System.nanoTime() - start) / 1_000_000)
                    .append(" caller=").append(caller).append(" request_id=").append(id).toString());
        });
        context.next();
    }

    static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() != null ? request.remoteAddress().hostAddress() : "unknown";
    }

    /** {@code [A-Za-z0-9._:-]{1,128}}, checked without a regular expression (it runs on every request). */
    static boolean safeRequestId(String value) {
        int length = value.length();
        if (length == 0 || length > 128) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == ':' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** W3C traceparent {@code 00-<32 hex>-<16 hex>-<2 hex>}, version not ff, trace and parent id not all zeros. */
    static boolean validTraceparent(String value) {
        if (value == null || value.length() != 55 || value.charAt(2) != '-' || value.charAt(35) != '-'
                || value.charAt(52) != '-' || value.startsWith("ff")) {
            return false;
        }
        boolean traceZero = true;
        boolean parentZero = true;
        for (int i = 0; i < 55; i++) {
            if (i == 2 || i == 35 || i == 52) {
                continue;
            }
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
            if (c != '0') {
                if (i > 2 && i < 35) {
                    traceZero = false;
                } else if (i > 35 && i < 52) {
                    parentZero = false;
                }
            }
        }
        return !traceZero && !parentZero;
    }

    private static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[55];
        out[0] = '0';
        out[1] = '0';
        out[2] = '-';
        hex(random.nextLong() | 1, out, 3);
        hex(random.nextLong(), out, 19);
        out[35] = '-';
        hex(random.nextLong() | 1, out, 36);
        out[52] = '-';
        out[53] = '0';
        out[54] = '1';
        return new String(out);
    }

    /**
     * A random (version 4) UUID from the thread's fast generator: request ids need to be unique, not unpredictable,
     * and {@link UUID#randomUUID()} pays for a SecureRandom on every request.
     */
    private static String randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(most, least).toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void hex(long value, char[] out, int at) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
