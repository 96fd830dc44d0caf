package be.mhealth.pyramid.gateway.service;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import be.mhealth.pyramid.gateway.api.Problems;
import be.mhealth.pyramid.gateway.config.GatewayConfig;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * One upstream service: a pooled HTTP client, a Vert.x reverse proxy that streams both bodies, and a circuit
 * breaker. The upstream must start answering within the timeout after the request body has been sent, and may
 * not go silent for longer while answering (else 504). Connection errors, timeouts and 502/503/504 answers count as failures; while the circuit is open the
 * gateway answers 503 at once, and after the reset delay one trial request decides whether it closes again.
 */
public final class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);
    private static final String OUTBOUND = "pyramid.outbound";
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final List<String> HOP_BY_HOP = List.of("Connection", "Keep-Alive", "Proxy-Authenticate",
            "Proxy-Authorization", "Proxy-Connection", "TE", "Trailer", "Upgrade");

    private final String name;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final GatewayConfig.Upstream config;
    private final long maxBodySize;
    private final long retryAfterSeconds;
    private final Vertx vertx;
    private final HttpClient client;
    private final CircuitBreaker breaker;
    private final Guard guard = new Guard();
    private final HttpProxy proxy;
    /**
     * One client and proxy per event loop: a pooled connection belongs to the event loop that opened it, and a request
     * from another loop would hand every write and every answer across threads (a task and a wake-up each).
     */
    private final FastThreadLocal<HttpProxy> proxyOfThisLoop = new FastThreadLocal<>() {
        @Override
        protected HttpProxy initialValue() {
            HttpClient own = newClient();
            loopClients.add(own);
            return newProxy(own);
        }
    };
    private final List<HttpClient> loopClients = new CopyOnWriteArrayList<>();

    UpstreamProxy(Vertx vertx, String name, GatewayConfig.Upstream config, GatewayConfig.CircuitBreaker breakerConfig,
            long maxBodySize) {
        this.name = name;
        this.config = config;
        this.maxBodySize = maxBodySize;
        URI url = config.url();
        this.ssl = "https".equalsIgnoreCase(url.getScheme());
        this.host = url.getHost();
        this.port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
        this.retryAfterSeconds = Math.max(1, breakerConfig.resetDelay().toSeconds());
        this.vertx = vertx;
        this.client = newClient();
        this.breaker = CircuitBreaker.create("upstream-" + name, vertx, new CircuitBreakerOptions()
                .setMaxFailures(breakerConfig.failureThreshold())
                .setFailuresRollingWindow(breakerConfig.window().toMillis())
                .setResetTimeout(breakerConfig.resetDelay().toMillis())
                .setTimeout(-1)
                .setNotificationAddress(null))
                .openHandler(v -> LOG.warnf("circuit for upstream %s opened", name))
                .closeHandler(v -> LOG.infof("circuit for upstream %s closed", name));
        this.proxy = newProxy(client);
    }

    private HttpClient newClient() {
        return vertx.createHttpClient(new HttpClientOptions()
                .setName("upstream-" + name)
                .setSsl(ssl)
                .setKeepAlive(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(256));
    }

    private HttpProxy newProxy(HttpClient via) {
        return HttpProxy.reverseProxy(via)
                .origin(context -> via.request(originRequest()).onSuccess(outbound -> {
                    context.set(OUTBOUND, outbound);
                    if (context.request().getBody() == null) {
                        outbound.idleTimeout(config.timeout().toMillis());
                    }
                }))
                .addInterceptor(guard);
    }

    public String name() {
        return name;
    }

    public HttpClient client() {
        return client;
    }

    public GatewayConfig.Upstream config() {
        return config;
    }

    public CircuitBreakerState circuitState() {
        return breaker.state();
    }

    /** A request of the gateway's own to this upstream on the given path, with the configured timeouts. */
    public RequestOptions request(String uri) {
        return originRequest().setURI(uri).setIdleTimeout(config.timeout().toMillis());
    }

    /** Streams the request to the upstream and its answer back; the request must not have been read yet. */
    public void forward(HttpServerRequest request) {
        (Context.isOnEventLoopThread() ? proxyOfThisLoop.get() : proxy).handle(request);
    }

    void close() {
        client.close();
        loopClients.forEach(HttpClient::close);
    }

    private RequestOptions originRequest() {
        return new RequestOptions()
                .setHost(host)
                .setPort(port)
                .setSsl(ssl)
                .setConnectTimeout(config.connectTimeout().toMillis());
    }

    /** An upstream answer that counts as a failure for the breaker but is still passed on to the client. */
    private static final class FailedAnswer extends RuntimeException {
        private final transient ProxyResponse response;

        FailedAnswer(ProxyResponse response) {
            super("upstream answered " + response.getStatusCode(), null, false, false);
            this.response = response;
        }
    }

    private final class Guard implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            Body body = request.getBody();
            BodyLimit limit;
            if (bodyless(request)) {
                request.setBody(null);
                limit = null;
            } else {
                // Declared lengths were checked already; bodies of unknown length are counted here. The upstream's
                // time to answer is measured from the end of the body, not from the start of a long upload.
                limit = new BodyLimit(body.stream(), body.length() < 0 ? maxBodySize : Long.MAX_VALUE, () -> {
                    HttpClientRequest outbound = context.get(OUTBOUND, HttpClientRequest.class);
                    if (outbound != null) {
                        outbound.idleTimeout(config.timeout().toMillis());
                    }
                });
                request.setBody(Body.body(limit, body.length()));
            }
            return breaker.<ProxyResponse> execute(promise -> send(context).onComplete(result -> {
                if (result.succeeded()) {
                    int status = result.result().getStatusCode();
                    if (status == 502 || status == 503 || status == 504) {
                        promise.fail(new FailedAnswer(result.result()));
                    } else {
                        promise.complete(result.result());
                    }
                } else if ((limit != null && limit.exceeded()) || request.proxiedRequest().response().closed()
                        || request.proxiedRequest().response().ended()) {
                    // Too large or too slow a body (answered already), or the client went away: not the upstream's
                    // fault, no failure for the breaker.
                    promise.complete(null);
                } else {
                    promise.fail(result.cause());
                }
            })).recover(failure -> Future.succeededFuture(answerFor(request, failure)))
                    .map(response -> response != null ? response
                            : limit != null && limit.exceeded()
                                    ? problem(request, 413, "payload-too-large", "Request body too large",
                                            "the request body exceeds the limit of " + maxBodySize + " bytes")
                                    : problem(request, 400, "client-closed", "Client closed the request",
                                            "the client went away before the answer"));
        }

        /**
         * Sends the request; a body-less idempotent request whose pooled connection the upstream closed before
         * answering is sent once more (as nginx' proxy_next_upstream does).
         */
        private Future<ProxyResponse> send(ProxyContext context) {
            ProxyRequest request = context.request();
            Future<ProxyResponse> first = context.sendRequest();
            if (request.getBody() != null || !IDEMPOTENT.contains(request.getMethod())) {
                return first;
            }
            // Without a body (set to null above) the request can be sent again as it was.
            return first.recover(failure -> failure instanceof HttpClosedException
                    && !request.proxiedRequest().response().closed() ? context.sendRequest()
                            : Future.failedFuture(failure));
        }

        private static boolean bodyless(ProxyRequest request) {
            MultiMap headers = request.proxiedRequest().headers();
            String length = headers.get("Content-Length");
            return !headers.contains("Transfer-Encoding") && (length == null || length.trim().equals("0"));
        }

        /** The proxy drops hop-by-hop headers of requests only; those of the upstream's answer are dropped here. */
        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            MultiMap headers = context.response().headers();
            for (String connection : headers.getAll("Connection")) {
                for (String token : connection.split(",")) {
                    if (!token.isBlank()) {
                        headers.remove(token.trim());
                    }
                }
            }
            HOP_BY_HOP.forEach(headers::remove);
            // The proxy parses the upstream's Date and prints it again (java.time: 9 % of the gateway's time per request
            // in a profile); without one it stamps the time it answers, which differs by the upstream's answer time.
            headers.remove("Date");
            // The standard reason phrase: with the upstream's copied in, Vert.x no longer recognises a 304 (it
            // compares the status object) and sends "Transfer-Encoding: chunked" without a body, which some clients
            // then wait for.
            context.response().setStatusMessage(null);
            return context.sendResponse();
        }

        private ProxyResponse answerFor(ProxyRequest request, Throwable failure) {
            if (failure instanceof FailedAnswer answer) {
                return answer.response;
            }
            if (failure instanceof OpenCircuitException) {
                return problem(request, 503, "upstream-unavailable", "Service unavailable",
                        "the " + name + " service is failing; retry later")
                        .putHeader("Retry-After", Long.toString(retryAfterSeconds));
            }
            if (failure instanceof TimeoutException) {
                LOG.warnf("upstream %s timed out on %s %s", name, request.getMethod(), request.getURI());
                return problem(request, 504, "upstream-timeout", "Gateway timeout",
                        "the " + name + " service did not answer within " + config.timeout().toMillis() + " ms");
            }
            if (failure instanceof ConnectException) {
                LOG.warnf("upstream %s unreachable: %s", name, failure.getMessage());
                return problem(request, 503, "upstream-unavailable", "Service unavailable",
                        "the " + name + " service cannot be reached; retry later")
                        .putHeader("Retry-After", "1");
            }
            LOG.warnf("upstream %s failed on %s %s: %s", name, request.getMethod(), request.getURI(), failure.toString());
            return problem(request, 502, "bad-gateway", "Bad gateway",
                    "the " + name + " service gave no valid answer");
        }

        private ProxyResponse problem(ProxyRequest request, int status, String slug, String title, String detail) {
            return request.release().response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", Problems.MEDIA_TYPE)
                    .setBody(Body.body(Problems.body(status, slug, title, detail)));
        }
    }
}
