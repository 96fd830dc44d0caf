package be.mhealth.pyramid.gateway.service;

import java.util.ArrayList;
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
    public record Route(String name, UpstreamProxy upstream, RouteTable.Entry entry) {

        public String prefix() {
            return entry.prefix();
        }

        /** GET/HEAD on a public path needs no token. */
        public boolean isPublic(String method, String path) {
            return entry.isPublic(method, path);
        }
    }

    private final Map<String, UpstreamProxy> upstreams = new TreeMap<>();
    private final List<Route> routes;
    private final RouteTable table;

    public Upstreams(Vertx vertx, GatewayConfig config) {
        config.upstreams().forEach((name, upstream) -> upstreams.put(name,
                new UpstreamProxy(vertx, name, upstream, config.circuitBreaker(), config.maxBodySize().asLongValue())));
        List<RouteTable.Entry> entries = new ArrayList<>();
        Map<String, Route> resolved = new LinkedHashMap<>();
        config.routes().forEach((name, route) -> {
            UpstreamProxy upstream = upstreams.get(route.upstream());
            if (upstream == null) {
                throw new IllegalStateException("route " + name + " names unknown upstream " + route.upstream());
            }
            List<Pattern> publicPaths = route.publicPaths().orElse(List.of()).stream().map(Pattern::compile).toList();
            RouteTable.Entry entry = new RouteTable.Entry(name, route.path(), route.upstream(), publicPaths);
            entries.add(entry);
            resolved.put(name, new Route(name, upstream, entry));
        });
        this.table = new RouteTable(entries);
        // Longest prefix first, so that the most specific route wins (as in the table).
        this.routes = table.entries().stream().map(entry -> resolved.get(entry.name())).toList();
    }

    public Optional<Route> route(String path) {
        for (Route route : routes) {
            if (route.entry().matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** The routes alone, as the OpenAPI merge uses them. */
    public RouteTable table() {
        return table;
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
