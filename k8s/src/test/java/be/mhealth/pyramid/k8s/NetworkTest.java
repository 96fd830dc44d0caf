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
 * create: only the gateway takes outside traffic, and each service reaches only its own database, Kafka
 * and Keycloak.
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

    static final Pod KEYCLOAK = new Pod("keycloak", NS,
            Map.of("app", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator", "app.kubernetes.io/instance", "keycloak"));
    /** The operator's realm import job: Keycloak's pod labels with {@code app} changed. */
    static final Pod REALM_IMPORT = new Pod("realm import job", NS, Map.of("app", "keycloak-realm-import",
            "app.kubernetes.io/managed-by", "keycloak-operator", "app.kubernetes.io/instance", "keycloak"));
    static final int KEYCLOAK_MANAGEMENT_PORT = 9000;
    static final Pod INGRESS_CONTROLLER = new Pod("ingress controller", "ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"));
    static final Pod DNS = new Pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"));
    static final Pod ELSEWHERE = new Pod("a pod of another namespace", "default", Map.of("app", "curious"));

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
                .containsExactlyInAnyOrder("pyramid-api", "keycloak");
        assertThat(backends(m.one(Ingress.class, "pyramid-api")))
                .containsExactly("/ -> " + "gateway:http");
        assertThat(backends(m.one(Ingress.class, "keycloak")))
                .containsExactlyInAnyOrder("/realms/ -> keycloak-service:8080", "/resources/ -> keycloak-service:8080");
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

        assertThat(connects(m, INGRESS_CONTROLLER, target, svc.port, "TCP")).isEqualTo(svc == PyramidService.GATEWAY);
        assertThat(connects(m, ELSEWHERE, target, svc.port, "TCP")).isFalse();
        for (PyramidService other : PyramidService.values()) {
            assertThat(connects(m, pod(m, other), target, svc.port, "TCP")).as(other.name + " -> " + svc.name)
                    .isEqualTo(svc != PyramidService.GATEWAY && other == PyramidService.GATEWAY);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void eachServiceReachesOnlyItsOwnDatabaseKafkaAndKeycloak(String overlay, PyramidService svc) {
        Manifests m = Manifests.of(overlay);
        Pod source = pod(m, svc);

        assertThat(connects(m, source, KEYCLOAK, 8080, "TCP")).as("Keycloak").isTrue();
        assertThat(connects(m, source, DNS, 53, "UDP")).as("DNS").isTrue();
        assertThat(connects(m, source, kafkaBroker(m), 9092, "TCP")).as("Kafka").isEqualTo(svc.usesDatabaseAndKafka());
        for (String db : DatabaseTest.databases()) {
            assertThat(connects(m, source, postgres("pg-" + db), 5432, "TCP")).as("database " + db)
                    .isEqualTo(db.equals(svc.database));
        }
        assertThat(connects(m, source, ELSEWHERE, 443, "TCP")).as("anything else").isFalse();
        for (PyramidService other : PyramidService.domainServices()) {
            assertThat(egressAllowed(m, source, pod(m, other), other.port, "TCP")).as(svc.name + " calls " + other.name)
                    .isEqualTo(svc == PyramidService.GATEWAY);
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
        assertThat(ingressAllowed(m, INGRESS_CONTROLLER, kafkaBroker(m), 9092, "TCP")).isFalse();
        assertThat(ingressAllowed(m, ELSEWHERE, kafkaBroker(m), 9092, "TCP")).isFalse();
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
        return pod.namespace().equals(NS) && matches(p.getSpec().getPodSelector(), pod.labels());
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, Pod pod) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> {
            if (peer.getIpBlock() != null) {
                return !pod.namespace().equals(NS);
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    ? pod.namespace().equals(NS)
                    : matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", pod.namespace()));
            return namespaceOk && (peer.getPodSelector() == null || matches(peer.getPodSelector(), pod.labels()));
        });
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
