package be.mhealth.pyramid.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.kafka.Kafka;

/**
 * Ingress and NetworkPolicies, evaluated as Kubernetes does on the pods the manifests (and the operators)
 * create: only the gateway and the portal take outside traffic, each service reaches only its own database, Kafka
 * and Keycloak (and notification-service the webhook receivers on the internet, on 443), and the portal only the
 * gateway and Keycloak.
 */
class NetworkTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    private static final String NS = "pyramid";

    /** A pod as NetworkPolicies see it: namespace and labels. */
    record Pod(String name, String namespace, Map<String, String> labels) {
    }

    // Pods the operators create, with the labels they give them (Strimzi, CloudNativePG, Keycloak operator).
    static Pod postgres(String cluster) {
        return new Pod(cluster, NS, Map.of("cnpg.io/cluster", cluster, "cnpg.io/instanceRole", "primary"));
    }

    static Pod kafkaBroker(Manifests m) {
        String cluster = m.all(Kafka.class).get(0).getMetadata().getName();
        return new Pod("kafka broker", NS, Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                "strimzi.io/name", cluster + "-kafka", "strimzi.io/broker-role", "true"));
    }

    static int kafkaPort(Manifests m) {
        return m.all(Kafka.class).get(0).getSpec().getKafka().getListeners().get(0).getPort();
    }

    static final Pod KEYCLOAK = new Pod("keycloak", NS,
            Map.of("app", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator", "app.kubernetes.io/instance", "keycloak"));
    /** The operator's realm import job: Keycloak's pod labels with {@code app} changed. */
    static final Pod REALM_IMPORT = new Pod("realm import job", NS, Map.of("app", "keycloak-realm-import",
            "app.kubernetes.io/managed-by", "keycloak-operator", "app.kubernetes.io/instance", "keycloak"));
    static final int KEYCLOAK_MANAGEMENT_PORT = 9000;
    static final Pod INGRESS_CONTROLLER = new Pod("ingress controller", "ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"));
    /** Prometheus as kube-prometheus-stack runs it. */
    static final Pod PROMETHEUS = new Pod("prometheus", "monitoring",
            Map.of("app.kubernetes.io/name", "prometheus", "prometheus", "kube-prometheus-stack-prometheus"));
    static final Pod DNS = new Pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"));
    static final Pod ELSEWHERE = new Pod("a pod of another namespace", "default", Map.of("app", "curious"));
    /** An address on the internet, outside the cluster (a webhook receiver). */
    static final Pod INTERNET = new Pod("a public address", null, Map.of());

    static Pod pod(Manifests m, PyramidService svc) {
        return new Pod(svc.name, NS, m.one(Deployment.class, svc.name).getSpec().getTemplate().getMetadata().getLabels());
    }

    static Stream<Arguments> everyServiceInEveryOverlay() {
        return Manifests.OVERLAYS.stream().flatMap(o -> Stream.of(PyramidService.values()).map(s -> Arguments.of(o, s)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheGatewayAndTheRealmEndpointsArePublished(String overlay) {
        Manifests m = Manifests.of(overlay);

        assertThat(m.all(Ingress.class)).extracting(i -> i.getMetadata().getName())
                .containsExactlyInAnyOrder("pyramid-api", "keycloak", "portal");
        assertThat(backends(m.one(Ingress.class, "pyramid-api")))
                .as("the API, its FHIR open data and its documentation, never health or metrics")
                .containsExactly("/api/ -> gateway:http", "/fhir/ -> gateway:http", "/q/openapi -> gateway:http",
                        "/q/swagger-ui -> gateway:http");
        Ingress api = m.one(Ingress.class, "pyramid-api");
        assertThat(List.of("/fhir/r4/metadata", "/fhir/r4/DeviceDefinition", "/api/v1/open-data/catalog.csv"))
                .allSatisfy(path -> assertThat(routes(api, path)).as(path).isTrue());
        assertThat(List.of("/fhirx/r4/metadata", "/fhir-admin", "/q/health", "/q/metrics"))
                .allSatisfy(path -> assertThat(routes(api, path)).as(path).isFalse());
        assertThat(backends(m.one(Ingress.class, "keycloak")))
                .containsExactlyInAnyOrder("/realms/pyramid/ -> keycloak-service:8080", "/resources/ -> keycloak-service:8080");
        assertThat(backends(m.one(Ingress.class, "portal"))).as("the portal's pages, on a host of their own")
                .containsExactly("/ -> portal:http");
        assertThat(m.one(Ingress.class, "portal").getSpec().getRules().get(0).getHost())
                .isNotEqualTo(api.getSpec().getRules().get(0).getHost());
        assertThat(m.all(Service.class)).allSatisfy(s -> assertThat(s.getSpec().getType()).as(s.getMetadata().getName())
                .isIn(null, "ClusterIP"));
        if (m.production()) {
            assertThat(m.all(Ingress.class)).allSatisfy(i -> assertThat(i.getSpec().getTls()).singleElement()
                    .satisfies(tls -> assertThat(tls.getHosts()).containsExactly(i.getSpec().getRules().get(0).getHost())));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void onlyTheGatewayTakesOutsideTraffic(String overlay, PyramidService svc) {
        Manifests m = Manifests.of(overlay);
        Pod target = pod(m, svc);

        assertThat(connects(m, INGRESS_CONTROLLER, target, svc.port, "TCP")).isEqualTo(svc.published());
        assertThat(connects(m, ELSEWHERE, target, svc.port, "TCP")).isFalse();
        for (PyramidService other : PyramidService.values()) {
            assertThat(connects(m, pod(m, other), target, svc.port, "TCP")).as(other.name + " -> " + svc.name)
                    .isEqualTo(svc.calledBy(other));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void keycloakPublishesOnlyThePyramidRealmAndTheResourcesOfItsPages(String overlay) {
        Manifests m = Manifests.of(overlay);
        Ingress keycloak = m.one(Ingress.class, "keycloak");

        // What browsers, the CLI and the portals need: sign-in pages, tokens, device codes, keys, account console.
        assertThat(List.of("/realms/pyramid/.well-known/openid-configuration",
                "/realms/pyramid/protocol/openid-connect/auth", "/realms/pyramid/protocol/openid-connect/token",
                "/realms/pyramid/protocol/openid-connect/auth/device", "/realms/pyramid/device",
                "/realms/pyramid/protocol/openid-connect/certs", "/realms/pyramid/login-actions/authenticate",
                "/realms/pyramid/account", "/resources/abc12/login/keycloak.v2/css/styles.css"))
                .allSatisfy(path -> assertThat(routes(keycloak, path)).as(path).isTrue());
        // Never another realm (master above all), the admin console or API, metrics or health.
        assertThat(List.of("/realms/master/protocol/openid-connect/token", "/realms/master/", "/realms/pyramid2/account",
                "/realms/", "/admin/master/console/", "/admin/realms/pyramid/users", "/metrics", "/health",
                "/health/ready", "/q/metrics", "/", "/js/keycloak.js"))
                .allSatisfy(path -> assertThat(routes(keycloak, path)).as(path).isFalse());
        assertThat(keycloak.getSpec().getRules().get(0).getHttp().getPaths())
                .allSatisfy(p -> assertThat(p.getPathType()).as("exact prefix semantics, no controller regex").isEqualTo("Prefix"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void onlyPrometheusReachesTheManagementPort(String overlay, PyramidService svc) {
        Manifests m = Manifests.of(overlay);
        Pod target = pod(m, svc);
        int management = PyramidService.MANAGEMENT_PORT;

        assertThat(connects(m, PROMETHEUS, target, management, "TCP")).as("Prometheus scrapes " + svc.name).isTrue();
        assertThat(connects(m, PROMETHEUS, target, svc.port, "TCP")).as("but not on the public port").isFalse();
        assertThat(connects(m, INGRESS_CONTROLLER, target, management, "TCP")).as("not published").isFalse();
        assertThat(connects(m, ELSEWHERE, target, management, "TCP")).isFalse();
        assertThat(connects(m, new Pod("another pod of monitoring", "monitoring", Map.of("app", "grafana")), target,
                management, "TCP")).isFalse();
        for (PyramidService other : PyramidService.values()) {
            assertThat(connects(m, pod(m, other), target, management, "TCP")).as(other.name + " -> management").isFalse();
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void eachServiceReachesOnlyItsOwnDatabaseKafkaAndKeycloak(String overlay, PyramidService svc) {
        Manifests m = Manifests.of(overlay);
        Pod source = pod(m, svc);

        assertThat(connects(m, source, KEYCLOAK, 8080, "TCP")).as("Keycloak").isTrue();
        assertThat(connects(m, source, DNS, 53, "UDP")).as("DNS").isTrue();
        assertThat(connects(m, source, kafkaBroker(m), kafkaPort(m), "TCP")).as("Kafka").isEqualTo(svc.usesDatabaseAndKafka());
        for (String db : DatabaseTest.databases()) {
            assertThat(connects(m, source, postgres("pg-" + db), 5432, "TCP")).as("database " + db)
                    .isEqualTo(db.equals(svc.database));
        }
        assertThat(connects(m, source, ELSEWHERE, 443, "TCP")).as("anything else").isFalse();
        assertThat(connects(m, source, INTERNET, 443, "TCP")).as("webhook receivers (https)")
                .isEqualTo(svc == PyramidService.NOTIFICATION);
        assertThat(connects(m, source, INTERNET, 80, "TCP")).as("plain http to the internet").isFalse();
        for (PyramidService other : PyramidService.values()) {
            assertThat(egressAllowed(m, source, pod(m, other), other.port, "TCP")).as(svc.name + " calls " + other.name)
                    .isEqualTo(other.calledBy(svc));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachDatabaseAdmitsOnlyItsOwnerAndKeycloakOnlyTheServicesAndTheIngress(String overlay) {
        Manifests m = Manifests.of(overlay);

        // Even if a service's egress policy were lost, the database side still refuses other services.
        for (PyramidService owner : PyramidService.domainServices()) {
            for (PyramidService svc : PyramidService.values()) {
                assertThat(ingressAllowed(m, pod(m, svc), postgres(owner.postgresCluster()), 5432, "TCP"))
                        .as(svc.name + " -> " + owner.postgresCluster()).isEqualTo(svc == owner);
            }
            assertThat(ingressAllowed(m, KEYCLOAK, postgres(owner.postgresCluster()), 5432, "TCP")).isFalse();
        }
        assertThat(ingressAllowed(m, KEYCLOAK, postgres("pg-keycloak"), 5432, "TCP")).isTrue();
        assertThat(ingressAllowed(m, REALM_IMPORT, postgres("pg-keycloak"), 5432, "TCP")).isTrue();
        for (PyramidService svc : PyramidService.values()) {
            assertThat(ingressAllowed(m, pod(m, svc), postgres("pg-keycloak"), 5432, "TCP")).isFalse();
            assertThat(ingressAllowed(m, pod(m, svc), KEYCLOAK, KEYCLOAK_MANAGEMENT_PORT, "TCP")).isFalse();
        }
        assertThat(ingressAllowed(m, INGRESS_CONTROLLER, KEYCLOAK, 8080, "TCP")).isTrue();
        assertThat(ingressAllowed(m, INGRESS_CONTROLLER, KEYCLOAK, KEYCLOAK_MANAGEMENT_PORT, "TCP")).isFalse();
        assertThat(ingressAllowed(m, ELSEWHERE, KEYCLOAK, 8080, "TCP")).isFalse();
        assertThat(ingressAllowed(m, INGRESS_CONTROLLER, kafkaBroker(m), kafkaPort(m), "TCP")).isFalse();
        assertThat(ingressAllowed(m, ELSEWHERE, kafkaBroker(m), kafkaPort(m), "TCP")).isFalse();
    }

    static final Pod OTHER_MONITORING_POD = new Pod("grafana", "monitoring", Map.of("app.kubernetes.io/name", "grafana"));

    static Pod redis(Manifests m) {
        return new Pod("redis", NS, m.one(Deployment.class, "redis").getSpec().getTemplate().getMetadata().getLabels());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theRateLimitStoreIsReachedByTheGatewayOnly(String overlay) {
        Manifests m = Manifests.of(overlay);
        Pod redis = redis(m);

        for (PyramidService svc : PyramidService.values()) {
            assertThat(connects(m, pod(m, svc), redis, 6379, "TCP")).as(svc.name)
                    .isEqualTo(svc == PyramidService.GATEWAY);
        }
        assertThat(connects(m, INGRESS_CONTROLLER, redis, 6379, "TCP")).isFalse();
        assertThat(connects(m, ELSEWHERE, redis, 6379, "TCP")).isFalse();
        assertThat(connects(m, PROMETHEUS, redis, 6379, "TCP")).isFalse();
        assertThat(egressAllowed(m, redis, ELSEWHERE, 443, "TCP")).as("Redis opens no connection").isFalse();
        Map<String, String> config = m.one(io.fabric8.kubernetes.api.model.ConfigMap.class, "gateway-config").getData();
        assertThat(config).containsEntry("QUARKUS_REDIS_HOSTS", "redis://redis:6379")
                .containsEntry("PYRAMID_GATEWAY_RATE_LIMIT_STORE_REPLICAS", m.production() ? "10" : "2")
                .containsEntry("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true")
                .containsKey("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES");
        // The fallback share divides by at least the most replicas the autoscaler may run.
        assertThat(Integer.parseInt(config.get("PYRAMID_GATEWAY_RATE_LIMIT_STORE_REPLICAS")))
                .isGreaterThanOrEqualTo(m.one(io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
                        "gateway").getSpec().getMaxReplicas());
    }

    // --- NetworkPolicy semantics -------------------------------------------------------------------------

    static boolean connects(Manifests m, Pod from, Pod to, int port, String protocol) {
        return egressAllowed(m, from, to, port, protocol) && ingressAllowed(m, from, to, port, protocol);
    }

    /**
     * Our policies, plus those the operators generate: Strimzi's for the listener from its networkPolicyPeers,
     * and the Keycloak operator's from the Keycloak's networkPolicy (without peers a port admits every source).
     */
    static List<NetworkPolicy> policies(Manifests m) {
        List<NetworkPolicy> policies = new ArrayList<>(m.all(NetworkPolicy.class));
        GenericKubernetesResource keycloak = m.generic("Keycloak", "keycloak");
        if (!Boolean.FALSE.equals(Generic.at(keycloak, "networkPolicy.enabled"))) {
            policies.add(new NetworkPolicyBuilder()
                    .withNewMetadata().withName("keycloak-network-policy").withNamespace(NS).endMetadata()
                    .withNewSpec()
                    .withNewPodSelector().addToMatchLabels("app", "keycloak").endPodSelector()
                    .withPolicyTypes("Ingress")
                    .addNewIngress().withFrom(peers(Generic.at(keycloak, "networkPolicy.http")))
                    .addNewPort().withNewPort((Integer) Generic.at(keycloak, "http.httpPort")).withProtocol("TCP").endPort()
                    .endIngress()
                    .addNewIngress().withFrom(peers(Generic.at(keycloak, "networkPolicy.management")))
                    .addNewPort().withNewPort(KEYCLOAK_MANAGEMENT_PORT).withProtocol("TCP").endPort().endIngress()
                    .endSpec().build());
        }
        Kafka kafka = m.all(Kafka.class).get(0);
        for (var listener : kafka.getSpec().getKafka().getListeners()) {
            policies.add(new NetworkPolicyBuilder()
                    .withNewMetadata().withName("strimzi-" + listener.getName()).withNamespace(NS).endMetadata()
                    .withNewSpec()
                    .withNewPodSelector().addToMatchLabels("strimzi.io/cluster", kafka.getMetadata().getName())
                    .addToMatchLabels("strimzi.io/kind", "Kafka").endPodSelector()
                    .withPolicyTypes("Ingress")
                    .addNewIngress().withFrom(listener.getNetworkPolicyPeers())
                    .addNewPort().withNewPort(listener.getPort()).withProtocol("TCP").endPort().endIngress()
                    .endSpec().build());
        }
        return policies;
    }

    static boolean ingressAllowed(Manifests m, Pod from, Pod to, int port, String protocol) {
        List<NetworkPolicy> isolating = policies(m).stream()
                .filter(p -> selects(p, to) && p.getSpec().getPolicyTypes().contains("Ingress")).toList();
        return isolating.isEmpty() || isolating.stream()
                .flatMap(p -> p.getSpec().getIngress() == null ? Stream.empty() : p.getSpec().getIngress().stream())
                .anyMatch(rule -> peersMatch(rule.getFrom(), from) && portsMatch(rule.getPorts(), port, protocol));
    }

    static boolean egressAllowed(Manifests m, Pod from, Pod to, int port, String protocol) {
        if (!from.namespace().equals(NS)) {
            return true; // other namespaces are not ours to restrict
        }
        List<NetworkPolicy> isolating = policies(m).stream()
                .filter(p -> selects(p, from) && p.getSpec().getPolicyTypes().contains("Egress")).toList();
        return isolating.isEmpty() || isolating.stream()
                .flatMap(p -> p.getSpec().getEgress() == null ? Stream.empty() : p.getSpec().getEgress().stream())
                .anyMatch(rule -> peersMatch(rule.getTo(), to) && portsMatch(rule.getPorts(), port, protocol));
    }

    /** Peers written in an operator's custom resource, parsed strictly as NetworkPolicyPeers. */
    private static List<NetworkPolicyPeer> peers(List<Object> written) {
        if (written == null) {
            return List.of();
        }
        return written.stream().map(peer -> {
            var parsed = StrictModel.YAML.convertValue(peer, NetworkPolicyPeer.class);
            assertThat(StrictModel.unknownFields(parsed)).as("unknown fields of a NetworkPolicyPeer").isEmpty();
            return parsed;
        }).toList();
    }

    private static boolean selects(NetworkPolicy p, Pod pod) {
        return NS.equals(pod.namespace()) && matches(p.getSpec().getPodSelector(), pod.labels());
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, Pod pod) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> {
            if (peer.getIpBlock() != null) {
                // Pods have the cluster's private addresses; an ipBlock that excepts those reaches outside only.
                return pod.namespace() == null || (!pod.namespace().equals(NS) && !exceptsPrivateRanges(peer));
            }
            if (pod.namespace() == null) {
                return false;
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    ? pod.namespace().equals(NS)
                    : matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", pod.namespace()));
            return namespaceOk && (peer.getPodSelector() == null || matches(peer.getPodSelector(), pod.labels()));
        });
    }

    /**
     * The ipBlock leaves out every private range a cluster gives its pods: RFC 1918 and carrier-grade NAT for IPv4,
     * unique local addresses for IPv6.
     */
    private static boolean exceptsPrivateRanges(NetworkPolicyPeer peer) {
        List<String> except = peer.getIpBlock().getExcept() == null ? List.of() : peer.getIpBlock().getExcept();
        return peer.getIpBlock().getCidr().contains(":") ? except.contains("fc00::/7")
                : except.containsAll(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"));
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> (p.getPort() == null || Integer.valueOf(port).equals(p.getPort().getIntVal()))
                && (p.getProtocol() == null ? "TCP" : p.getProtocol()).equals(protocol));
    }

    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
        assertThat(selector.getMatchExpressions()).as("selectors use matchLabels only").isNullOrEmpty();
        Map<String, String> required = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return required.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** Whether the Ingress sends a request path to a backend: Kubernetes' Prefix match, element by element. */
    static boolean routes(Ingress ingress, String requestPath) {
        return ingress.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream()).anyMatch(p -> {
            assertThat(p.getPathType()).isIn("Prefix", "Exact");
            List<String> rule = elements(p.getPath());
            List<String> request = elements(requestPath);
            return p.getPathType().equals("Exact") ? p.getPath().equals(requestPath)
                    : request.size() >= rule.size() && request.subList(0, rule.size()).equals(rule);
        });
    }

    private static List<String> elements(String path) {
        return Stream.of(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> backends(Ingress ingress) {
        assertThat(ingress.getSpec().getRules()).hasSize(1);
        List<String> backends = new ArrayList<>();
        for (HTTPIngressPath path : ingress.getSpec().getRules().get(0).getHttp().getPaths()) {
            var service = path.getBackend().getService();
            String port = service.getPort().getName() != null ? service.getPort().getName()
                    : String.valueOf(service.getPort().getNumber());
            backends.add(path.getPath() + " -> " + service.getName() + ":" + port);
        }
        return backends;
    }
}
