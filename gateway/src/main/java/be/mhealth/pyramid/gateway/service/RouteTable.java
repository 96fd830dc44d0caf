package be.mhealth.pyramid.gateway.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's routes without their upstream connections: which upstream serves a path (longest prefix wins) and
 * which GET/HEAD paths need no token. Pure, so that the build can merge the OpenAPI documents with the same routes
 * as the running gateway ({@link #fromProperties} reads {@code pyramid.gateway.routes.*} of application.properties).
 */
public final class RouteTable {

    /** One route: a path prefix, the upstream it leads to, and the public paths (regular expressions). */
    public record Entry(String name, String prefix, String upstream, List<Pattern> publicPaths) {

        public boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
        }

        /** GET/HEAD on a public path needs no token. */
        public boolean isPublic(String method, String path) {
            return ("GET".equals(method) || "HEAD".equals(method))
                    && publicPaths.stream().anyMatch(pattern -> pattern.matcher(path).matches());
        }
    }

    private static final Pattern ROUTE_KEY = Pattern.compile("pyramid\\.gateway\\.routes\\.([^.]+)\\.(path|upstream|public-paths)");

    private final List<Entry> entries;

    public RouteTable(List<Entry> entries) {
        this.entries = entries.stream()
                .sorted(Comparator.comparingInt((Entry entry) -> entry.prefix().length()).reversed())
                .toList();
    }

    public Optional<Entry> route(String path) {
        return entries.stream().filter(entry -> entry.matches(path)).findFirst();
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The routes of a properties file, profile-less keys only (what the gateway runs with by default). */
    public static RouteTable fromProperties(Properties properties) {
        Map<String, Map<String, String>> routes = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher matcher = ROUTE_KEY.matcher(key);
            if (matcher.matches()) {
                routes.computeIfAbsent(matcher.group(1), name -> new TreeMap<>())
                        .put(matcher.group(2), properties.getProperty(key).trim());
            }
        }
        List<Entry> entries = new ArrayList<>();
        routes.forEach((name, route) -> {
            String paths = route.getOrDefault("public-paths", "");
            entries.add(new Entry(name, route.get("path"), route.get("upstream"), paths.isBlank() ? List.of()
                    : java.util.Arrays.stream(paths.split(",")).map(String::trim).map(Pattern::compile).toList()));
        });
        return new RouteTable(entries);
    }
}
