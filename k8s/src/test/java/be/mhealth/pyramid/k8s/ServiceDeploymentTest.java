package be.mhealth.pyramid.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;

import be.mhealth.pyramid.events.Topic;

/** Each of the five services and the portal is deployed completely and safely in every overlay. */
class ServiceDeploymentTest {

    static Stream<Arguments> everyServiceInEveryOverlay() {
        return Manifests.OVERLAYS.stream()
                .flatMap(o -> Stream.of(PyramidService.values()).map(s -> Arguments.of(o, s)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void deploymentHasReplicasImageAndPort(String overlay, PyramidService svc) {
        Manifests m = Manifests.of(overlay);
        Deployment d = m.one(Deployment.class, svc.name);

        assertThat(d.getSpec().getReplicas()).isEqualTo(svc.replicas(m));
        assertThat(d.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", svc.name);
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
        assertThat(d.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
        Container c = container(d);
        assertThat(c.getImage()).as("image: <registry>/pyramid/<service>:<version>")
                .matches("[a-z0-9.:-]+/pyramid/" + svc.name + ":[0-9][0-9A-Za-z.-]*");
        // The public port, and Quarkus' management interface (metrics, detailed health) on a port of its own.
        assertThat(c.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort())
                .containsExactlyInAnyOrder("http:" + svc.port, "management:" + PyramidService.MANAGEMENT_PORT);
        assertThat(m.one(ConfigMap.class, svc.name + "-config").getData())
                .containsEntry("QUARKUS_MANAGEMENT_PORT", String.valueOf(PyramidService.MANAGEMENT_PORT));
        if (m.production()) {
            assertThat(c.getImage()).as("production runs released images").doesNotContain("SNAPSHOT");
            assertThat(d.getSpec().getReplicas()).as("production survives losing a pod").isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void probesUseTheQuarkusHealthEndpoints(String overlay, PyramidService svc) {
        Container c = container(Manifests.of(overlay).one(Deployment.class, svc.name));

        assertHttpProbe(c.getLivenessProbe(), "/q/health/live");
        assertHttpProbe(c.getReadinessProbe(), "/q/health/ready");
        assertHttpProbe(c.getStartupProbe(), "/q/health/started");
        // The management interface: a named port, and the service's Quarkus told to listen there.
        assertThat(c.getPorts()).filteredOn(p -> "management".equals(p.getName())).singleElement()
                .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(PyramidService.MANAGEMENT_PORT));
        assertThat(Manifests.of(overlay).one(ConfigMap.class, svc.name + "-config").getData())
                .containsEntry("QUARKUS_MANAGEMENT_PORT", Integer.toString(PyramidService.MANAGEMENT_PORT));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void resourcesAreRequestedAndLimited(String overlay, PyramidService svc) {
        Container c = container(Manifests.of(overlay).one(Deployment.class, svc.name));
        Map<String, Quantity> requests = c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources().getLimits();

        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKeys("cpu", "memory");
        for (String r : List.of("cpu", "memory")) {
            assertThat(Quantity.getAmountInBytes(limits.get(r)))
                    .as(r + " limit ≥ request").isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get(r)));
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void runsAsNonRootOnAReadOnlyRootFilesystem(String overlay, PyramidService svc) {
        Deployment d = Manifests.of(overlay).one(Deployment.class, svc.name);
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Container c = container(d);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).as("no Kubernetes API access needed").isFalse();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
        // Writable scratch space for the JVM and Quarkus, on an emptyDir.
        assertThat(c.getVolumeMounts()).anySatisfy(vm -> assertThat(vm.getMountPath()).isEqualTo("/tmp"));
        String tmp = c.getVolumeMounts().stream().filter(vm -> vm.getMountPath().equals("/tmp")).findFirst().orElseThrow().getName();
        assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals(tmp)).singleElement()
                .extracting(Volume::getEmptyDir).isNotNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void serviceExposesTheContainerPortToItsPods(String overlay, PyramidService svc) {
        Manifests m = Manifests.of(overlay);
        Service s = m.one(Service.class, svc.name);
        Deployment d = m.one(Deployment.class, svc.name);

        assertThat(s.getSpec().getType()).isIn(null, "ClusterIP");
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(s.getSpec().getSelector());
        assertThat(s.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(svc.port);
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void configurationComesFromItsConfigMapAndTheDatabaseSecret(String overlay, PyramidService svc) {
        Manifests m = Manifests.of(overlay);
        Container c = container(m.one(Deployment.class, svc.name));
        assertThat(c.getEnvFrom()).singleElement()
                .satisfies(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo(svc.name + "-config"));
        Map<String, String> config = m.one(ConfigMap.class, svc.name + "-config").getData();
        Map<String, EnvVar> env = new HashMap<>();
        if (c.getEnv() != null) {
            c.getEnv().forEach(e -> env.put(e.getName(), e));
        }

        assertThat(config).containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "http://keycloak-service:8080/realms/pyramid");
        assertThat(config).as("no secret in a ConfigMap")
                .doesNotContainKeys("QUARKUS_DATASOURCE_PASSWORD", "KAFKA_SASL_JAAS_CONFIG");
        if (svc.usesDatabaseAndKafka()) {
            assertThat(config)
                    .containsEntry("QUARKUS_DATASOURCE_JDBC_URL",
                            "jdbc:postgresql://" + svc.postgresCluster() + "-rw:5432/" + svc.database)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap(m))
                    .containsEntry("PYRAMID_KAFKA_PROVISION_TOPICS", "false");
            for (var credential : Map.of("QUARKUS_DATASOURCE_USERNAME", "username",
                    "QUARKUS_DATASOURCE_PASSWORD", "password").entrySet()) {
                var ref = env.get(credential.getKey()).getValueFrom().getSecretKeyRef();
                assertThat(ref.getName()).as("CloudNativePG's app secret of its own cluster")
                        .isEqualTo(svc.postgresCluster() + "-app");
                assertThat(ref.getKey()).isEqualTo(credential.getValue());
            }
            // The Kafka credentials (KafkaSecurityTest checks them), and the notification service's key for the
            // webhooks' signing secrets; nothing else.
            List<String> secrets = new ArrayList<>(List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                    "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_CERTIFICATES"));
            if (svc == PyramidService.NOTIFICATION) {
                secrets.add("PYRAMID_NOTIFICATION_SECRET_KEY");
                var ref = env.get("PYRAMID_NOTIFICATION_SECRET_KEY").getValueFrom().getSecretKeyRef();
                assertThat(ref.getName() + "/" + ref.getKey()).isEqualTo("notification-secret-key/key");
                assertThat(config).as("safe by default: https receivers only")
                        .containsEntry("PYRAMID_NOTIFICATION_DELIVERY_ALLOW_HTTP", "false")
                        .doesNotContainKey("PYRAMID_NOTIFICATION_DELIVERY_ALLOWED_NETWORKS");
            }
            assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(secrets);
        } else if (svc == PyramidService.PORTAL) {
            assertThat(config).doesNotContainKeys("QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS")
                    .containsEntry("PYRAMID_PORTAL_GATEWAY_URL", "http://gateway:"
                            + m.one(Service.class, "gateway").getSpec().getPorts().get(0).getPort());
            // The client's secret (sign-in, the portal's own token) from the Secret the production realm reads it from.
            assertThat(env.keySet()).containsExactlyInAnyOrder("QUARKUS_OIDC_CREDENTIALS_SECRET",
                    "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET");
            assertThat(env.values()).allSatisfy(e -> {
                assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("keycloak-client-secrets");
                assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("pyramid-portal");
            });
        } else {
            assertThat(env).isEmpty();
            assertThat(config).doesNotContainKeys("QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS");
            List<String> upstreams = new ArrayList<>();
            PyramidService.gatewayUpstreams().forEach((variable, upstream) -> {
                upstreams.add(variable);
                ServicePort port = m.one(Service.class, upstream.name).getSpec().getPorts().get(0);
                assertThat(config).containsEntry(variable, "http://" + upstream.name + ":" + port.getPort());
            });
            assertThat(config.keySet()).filteredOn(k -> k.startsWith("PYRAMID_GATEWAY_UPSTREAMS_"))
                    .containsExactlyInAnyOrderElementsOf(upstreams);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void disruptionBudgetAndAutoscalerMatchTheDeployment(String overlay, PyramidService svc) {
        Manifests m = Manifests.of(overlay);
        Deployment d = m.one(Deployment.class, svc.name);
        PodDisruptionBudget pdb = m.one(PodDisruptionBudget.class, svc.name);
        HorizontalPodAutoscaler hpa = m.one(HorizontalPodAutoscaler.class, svc.name);

        assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        assertThat(pdb.getSpec().getMinAvailable()).isNull();
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).as("drains never block, one pod at a time").isEqualTo(1);

        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(svc.name);
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(d.getSpec().getReplicas());
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
        assertThat(hpa.getSpec().getMetrics()).anySatisfy(metric -> {
            assertThat(metric.getResource().getName()).isEqualTo("cpu");
            assertThat(metric.getResource().getTarget().getAverageUtilization()).isBetween(50, 90);
        });
        if (svc.usesDatabaseAndKafka()) {
            int partitions = Stream.of(Topic.values()).mapToInt(Topic::partitions).min().orElseThrow();
            assertThat(hpa.getSpec().getMaxReplicas())
                    .as("more consumers than partitions would idle").isLessThanOrEqualTo(partitions);
        }
    }

    private static String kafkaBootstrap(Manifests m) {
        Kafka kafka = m.all(Kafka.class).get(0);
        var listener = kafka.getSpec().getKafka().getListeners().get(0);
        return kafka.getMetadata().getName() + "-kafka-bootstrap:" + listener.getPort();
    }

    private static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static void assertHttpProbe(Probe probe, String path) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as("probes use the management interface")
                .isEqualTo("management");
        assertThat(probe.getFailureThreshold()).isPositive();
    }
}
