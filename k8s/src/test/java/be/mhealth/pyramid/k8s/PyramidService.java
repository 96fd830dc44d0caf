package be.mhealth.pyramid.k8s;

import java.util.List;
import java.util.Map;

/** The six services and the portal as the manifests must deploy them (port, database, expected replicas per overlay). */
enum PyramidService {
    GATEWAY("gateway", 8080, null, 3),
    REGISTRY("registry-service", 8081, "registry", 3),
    M1("m1-ce-service", 8082, "m1", 2),
    M2("m2-interop-service", 8083, "m2", 2),
    M3("m3-reimbursement-service", 8084, "m3", 2),
    NOTIFICATION("notification-service", 8085, "notification", 2),
    /** The web front: reads the platform only through the gateway, signs users in with Keycloak. */
    PORTAL("portal", 8090, null, 2);

    /** Every service's management interface (health checks with their data, metrics). */
    static final int MANAGEMENT_PORT = 9000;

    final String name;
    final int port;
    /** Database and owner name; null for the gateway and the portal, which have no database and no Kafka. */
    final String database;
    private final int productionReplicas;

    PyramidService(String name, int port, String database, int productionReplicas) {
        this.name = name;
        this.port = port;
        this.database = database;
        this.productionReplicas = productionReplicas;
    }

    int replicas(Manifests m) {
        return m.production() ? productionReplicas : 1;
    }

    boolean usesDatabaseAndKafka() {
        return database != null;
    }

    /** The CloudNativePG cluster that holds this service's database. */
    String postgresCluster() {
        return "pg-" + database;
    }

    /** What takes outside traffic through the ingress controller: the API and the portal's pages. */
    boolean published() {
        return this == GATEWAY || this == PORTAL;
    }

    /** Whether {@code caller} may call this service's public port inside the cluster. */
    boolean calledBy(PyramidService caller) {
        return this == GATEWAY ? caller == PORTAL : this != PORTAL && caller == GATEWAY;
    }

    static List<PyramidService> domainServices() {
        return List.of(REGISTRY, M1, M2, M3, NOTIFICATION);
    }

    /** The gateway's upstream variables and the service each must point at. */
    static Map<String, PyramidService> gatewayUpstreams() {
        return Map.of(
                "PYRAMID_GATEWAY_UPSTREAMS_REGISTRY_URL", REGISTRY,
                "PYRAMID_GATEWAY_UPSTREAMS_M1_URL", M1,
                "PYRAMID_GATEWAY_UPSTREAMS_M2_URL", M2,
                "PYRAMID_GATEWAY_UPSTREAMS_M3_URL", M3,
                "PYRAMID_GATEWAY_UPSTREAMS_NOTIFICATION_URL", NOTIFICATION);
    }
}
