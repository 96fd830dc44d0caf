package be.mhealth.pyramid.gateway.service;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;

/** The configured routes and the upstream each one leads to. */
@ApplicationScoped
public class Upstreams {

    /** A route resolved against its upstream. */
    public record Route(String name, String prefix, UpstreamProxy upstream, List<Pattern> publicPaths) {

        public boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
        }

        /** GET/HEAD on a public path needs no token. */
        public boolean isPublic(String method, String path) {
            return ("GET".equals(method) || "HEAD".equals(method))
                    && publicPaths.stream().anyMatch(pattern -> pattern.matcher(path).matches());
        }
    }

    private final Map<String, UpstreamProxy> upstreams = new TreeMap<>();
    private final List<Route> routes;

    public Upstreams(Vertx vertx, GatewayConfig config) {
        config.upstreams().forEach((name, upstream) -> upstreams.put(name,
                new UpstreamProxy(vertx, name, upstream, config.circuitBreaker(), config.maxBodySize().asLongValue())));
        Map<String, Route> resolved = new LinkedHashMap<>();
        config.routes().forEach((name, route) -> {
            UpstreamProxy upstream = upstreams.get(route.upstream());
            if (upstream == null) {
                throw new IllegalStateException("route " + name + " names unknown upstream " + route.upstream());
            }
            List<Pattern> publicPaths = route.publicPaths().orElse(List.of()).stream().map(Pattern::compile).toList();
            resolved.put(name, new Route(name, route.path(), upstream, publicPaths));
        });
        // Longest prefix first, so that the most specific route wins.
        this.routes = resolved.values().stream()
                .sorted(Comparator.comparingInt((Route route) -> route.prefix().length()).reversed())
                .toList();
    }

    public Optional<Route> route(String path) {
        return routes.stream().filter(route -> route.matches(path)).findFirst();
    }

    public List<Route> routes() {
        return routes;
    }

    public Collection<UpstreamProxy> all() {
        return upstreams.values();
    }

    @PreDestroy
    void close() {
        upstreams.values().forEach(UpstreamProxy::close);
    }
}
