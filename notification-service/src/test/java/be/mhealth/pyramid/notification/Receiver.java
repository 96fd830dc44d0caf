package be.mhealth.pyramid.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 (the JDK's HTTP server): records every request (when it answers), and answers each
 * path with the statuses it was told (in turn; 204 once they are used up), optionally after a delay. A 302 points at
 * {@code /elsewhere}; error answers carry a long body.
 */
public final class Receiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(String path, Map<String, String> headers, String body, Instant at) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Statuses for the requests to {@code path} whose body matches, in turn. */
    private record Rule(String path, Predicate<String> body, Deque<Integer> statuses) {
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inProgress = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostInProgress = new ConcurrentHashMap<>();

    public Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            AtomicInteger counter = inProgress.computeIfAbsent(path, p -> new AtomicInteger());
            mostInProgress.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(counter.incrementAndGet(),
                    Math::max);
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Duration delay = delays.get(path);
                if (delay != null) {
                    Thread.sleep(delay.toMillis());
                }
                Integer status = 204;
                synchronized (this) {
                    for (Rule rule : rules) {
                        if (rule.path().equals(path) && rule.body().test(body) && !rule.statuses().isEmpty()) {
                            status = rule.statuses().poll();
                            break;
                        }
                    }
                }
                requests.add(new Request(path, headers, body, Instant.now()));
                if (status == 302) {
                    exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/elsewhere");
                }
                byte[] text = status >= 400 ? ("failure " + status + " " + "x".repeat(10_000))
                        .getBytes(StandardCharsets.UTF_8) : new byte[0];
                exchange.sendResponseHeaders(status, text.length == 0 ? -1 : text.length);
                if (text.length > 0) {
                    exchange.getResponseBody().write(text);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                counter.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port><path>} */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The next requests to {@code path} are answered with these statuses, in turn (then 204). */
    public Receiver answer(String path, Integer... statuses) {
        return answer(path, body -> true, statuses);
    }

    /** The next requests to {@code path} whose body contains {@code text} are answered with these statuses. */
    public Receiver answerWhen(String path, String text, Integer... statuses) {
        return answer(path, body -> body.contains(text), statuses);
    }

    private synchronized Receiver answer(String path, Predicate<String> body, Integer... statuses) {
        rules.add(new Rule(path, body, new ArrayDeque<>(List.of(statuses))));
        return this;
    }

    public Receiver delay(String path, Duration delay) {
        delays.put(path, delay);
        return this;
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits (up to 30 s) until {@code path} got {@code count} requests matching {@code match}; returns them all. */
    public List<Request> await(String path, int count, Predicate<Request> match) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> requests(path).stream().filter(match).count() >= count);
        return requests(path).stream().filter(match).toList();
    }

    public List<Request> await(String path, int count) {
        return await(path, count, r -> true);
    }

    /** The most requests to {@code path} that were in progress at once. */
    public int mostInProgress(String path) {
        AtomicInteger most = mostInProgress.get(path);
        return most == null ? 0 : most.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
