package be.mhealth.pyramid.gateway;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Starts the fake registry, m1, m2, m3, notification and "flaky" services and a real Redis (the rate-limit store) on free ports,
 * points the gateway at them, and makes
 * the RSA key pair the gateway checks tokens with (public key as config, private key handed to the tests).
 */
public class UpstreamServers implements QuarkusTestResourceLifecycleManager {

    static final String PRIVATE_KEY = "gateway-test.private-key";

    /** The rate-limit store, shared with the tests that stop and start it. */
    static final RedisServer REDIS = new RedisServer();

    private Vertx vertx;
    private final List<FakeService> services = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        JsonObject problem = new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put("title", new JsonObject().put("type", "string")));
        Map<String, FakeService> byName = new LinkedHashMap<>();
        byName.put("registry", new FakeService("registry", FakeService.openapi("registry",
                Map.of("/api/v1/catalog", "Catalog", "/api/v1/apps/{id}", "Apps", "/api/v1/stats", "Catalog",
                        "/q/internal", "Internal"),
                new JsonObject().put("Problem", problem).put("Summary", schema("appId")))));
        byName.put("m1", new FakeService("m1", FakeService.openapi("m1",
                Map.of("/api/v1/m1/dossiers", "M1 dossiers", "/api/v1/m1/dossiers/{id}", "M1 dossiers"),
                new JsonObject().put("Problem", problem).put("Summary", schema("certificate")))));
        byName.put("m2", new FakeService("m2", FakeService.openapi("m2",
                Map.of("/api/v1/m2/dossiers", "M2 dossiers"),
                new JsonObject().put("Problem", problem).put("Summary", schema("criteria")))));
        byName.put("m3", new FakeService("m3", FakeService.openapi("m3",
                Map.of("/api/v1/m3/dossiers", "M3 dossiers"),
                new JsonObject().put("Problem", problem).put("Summary", schema("appId")))));
        byName.put("notification", new FakeService("notification", FakeService.openapi("notification",
                Map.of("/api/v1/webhooks", "Webhooks"), new JsonObject().put("Problem", problem))));
        byName.put("flaky", new FakeService("flaky", FakeService.openapi("flaky", Map.of("/api/v1/flaky/items", "Flaky"), new JsonObject())));

        Map<String, String> config = new HashMap<>();
        byName.forEach((name, service) -> {
            int port = await(service.start(vertx));
            services.add(service);
            config.put("pyramid.gateway.upstreams." + name + ".url", "http://localhost:" + port);
        });
        REDIS.start();
        config.put("quarkus.redis.hosts", "redis://127.0.0.1:" + REDIS.port());
        KeyPair keys = rsaKeyPair();
        config.put("quarkus.oidc.public-key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        config.put(PRIVATE_KEY, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
        return config;
    }

    @Override
    public void stop() {
        services.forEach(service -> await(service.stop()));
        await(vertx.close());
        REDIS.stop();
    }

    private static JsonObject schema(String property) {
        return new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put(property, new JsonObject().put("type", "string")));
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
