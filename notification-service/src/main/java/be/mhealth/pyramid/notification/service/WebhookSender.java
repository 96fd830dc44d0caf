package be.mhealth.pyramid.notification.service;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.notification.config.NotificationConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends one webhook with Vert.x's HTTP client: to the address {@link TargetPolicy} checked (the URL's host still names
 * the server for TLS, certificate checks and {@code Host}), never following a redirect, with short connect and
 * response timeouts, reading at most {@code max-response-bytes} of the answer.
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "Pyramid-Webhooks/1.0 (+https://pyramid.mhealth.be)";

    /** What came back: the status (null when none came) and a short account of a failure. */
    public record Result(Integer status, String error) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final HttpClient client;
    private final long connectMillis;
    private final long responseMillis;
    private final int maxResponseBytes;

    WebhookSender(Vertx vertx, NotificationConfig config) {
        NotificationConfig.Delivery delivery = config.delivery();
        this.connectMillis = delivery.connectTimeout().toMillis();
        this.responseMillis = delivery.responseTimeout().toMillis();
        this.maxResponseBytes = (int) Math.min(Integer.MAX_VALUE, delivery.maxResponseBytes().asLongValue());
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectMillis)
                .setSslHandshakeTimeout(connectMillis).setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxRedirects(0)
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                .setMaxPoolSize(Math.max(1, delivery.maxConcurrentPerSubscription()))
                .setMaxWaitQueueSize(1000)
                .setDecompressionSupported(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Posts {@code body} to the target; returns when it answered, failed or timed out. */
    public Result send(TargetPolicy.Target target, Map<String, String> headers, String body) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setSsl(target.tls())
                .setHost(target.host())
                .setPort(target.port())
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setURI(pathAndQuery(target))
                .setFollowRedirects(false)
                .setConnectTimeout(connectMillis)
                .setIdleTimeout(responseMillis)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", USER_AGENT);
        headers.forEach(options::putHeader);
        CompletableFuture<Result> result = new CompletableFuture<>();
        HttpClientRequest[] sent = new HttpClientRequest[1];
        client.request(options)
                .onFailure(e -> result.complete(new Result(null, describe("could not connect", e))))
                .onSuccess(request -> {
                    sent[0] = request;
                    request.send(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)))
                            .onFailure(e -> result.complete(new Result(null, describe("no answer", e))))
                            .onSuccess(response -> read(request, response, result));
                });
        try {
            return result.get(connectMillis + responseMillis * 2 + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (sent[0] != null) {
                sent[0].reset();
            }
            return new Result(null, "no complete answer within " + (responseMillis / 1000.0) + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted");
        } catch (ExecutionException e) {
            return new Result(null, describe("failed", e.getCause()));
        }
    }

    /** Reads up to the cap of the answer (for the delivery log), then completes; a longer answer is cut off. */
    private void read(HttpClientRequest request, HttpClientResponse response, CompletableFuture<Result> result) {
        int status = response.statusCode();
        Buffer kept = Buffer.buffer();
        response.exceptionHandler(e -> result.complete(outcome(status, response, kept, false)));
        response.handler(chunk -> {
            if (result.isDone()) {
                return;
            }
            int room = maxResponseBytes - kept.length();
            if (chunk.length() >= room) {
                kept.appendBuffer(chunk, 0, Math.max(0, room));
                result.complete(outcome(status, response, kept, true));
                request.reset();
            } else {
                kept.appendBuffer(chunk);
            }
        });
        response.endHandler(v -> result.complete(outcome(status, response, kept, false)));
    }

    private static Result outcome(int status, HttpClientResponse response, Buffer kept, boolean cut) {
        if (status >= 200 && status < 300) {
            return new Result(status, null);
        }
        StringBuilder error = new StringBuilder("HTTP ").append(status);
        if (status >= 300 && status < 400) {
            String location = response.getHeader("Location");
            error.append(": a redirect").append(location == null ? "" : " to " + shorten(location, 200))
                    .append(", not followed");
        }
        String text = kept.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        if (!text.isEmpty()) {
            error.append(": ").append(shorten(text, 300)).append(cut ? " …" : "");
        }
        return new Result(status, error.toString());
    }

    private static String pathAndQuery(TargetPolicy.Target target) {
        String path = target.url().getRawPath();
        String query = target.url().getRawQuery();
        return (path == null || path.isEmpty() ? "/" : path) + (query == null ? "" : "?" + query);
    }

    private static String describe(String what, Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return shorten(what + ": " + message, 500);
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
