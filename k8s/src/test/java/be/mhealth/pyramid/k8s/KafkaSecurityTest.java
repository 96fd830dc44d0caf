package be.mhealth.pyramid.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;

import be.mhealth.pyramid.events.Topic;

/**
 * Events are authenticated on Kubernetes: each service signs in to Kafka as its own KafkaUser, whose ACLs are
 * exactly what the event contract gives it ({@link EventContract}), over the only listener, which requires
 * TLS and SCRAM-SHA-512. {@link KafkaAclBrokerTest} applies the same ACLs to a real broker.
 */
class KafkaSecurityTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /** One ACL entry as "type name operation", e.g. "topic m1.decisions.v1 Write". */
    @SuppressWarnings("deprecation") // reads the deprecated single operation only to require that it is unused
    static Set<String> acls(KafkaUser user) {
        var authorization = (KafkaUserAuthorizationSimple) user.getSpec().getAuthorization();
        Set<String> entries = new TreeSet<>();
        for (AclRule rule : authorization.getAcls()) {
            assertThat(rule.getType()).as("allow rules only").isIn(null, AclRuleType.ALLOW);
            assertThat(rule.getHost()).as("from any host").isIn(null, "*");
            assertThat(rule.getOperation()).as("operations, not the deprecated operation").isNull();
            String resource = switch (rule.getResource()) {
                case AclRuleTopicResource t -> {
                    assertThat(t.getPatternType()).as("literal names only").isEqualTo(AclResourcePatternType.LITERAL);
                    yield "topic " + t.getName();
                }
                case AclRuleGroupResource g -> {
                    assertThat(g.getPatternType()).as("literal names only").isEqualTo(AclResourcePatternType.LITERAL);
                    yield "group " + g.getName();
                }
                default -> "unexpected resource " + rule.getResource().getType();
            };
            rule.getOperations().forEach(op -> entries.add(resource + " " + op.toValue()));
        }
        return entries;
    }

    /** What the contract gives a service: Write on its topics, Read on the topics it consumes and on its group. */
    static Set<String> expectedAcls(String service) {
        Set<String> expected = new TreeSet<>();
        EventContract.produces(service).forEach(t -> expected.add("topic " + t + " Write"));
        EventContract.consumes(service).forEach(t -> expected.add("topic " + t + " Read"));
        if (!EventContract.consumes(service).isEmpty()) {
            expected.add("group " + service + " Read");
        }
        return expected;
    }

    @Test
    void theContractIsReadFromTheCode() {
        // What the tests below derive from event-contracts and the @Incoming channels, as it stands today
        // (a scan that found nothing would let every user pass).
        assertThat(EventContract.consumers()).containsAllEntriesOf(Map.of(
                "registry-service", Set.of("m1.decisions.v1", "m2.decisions.v1", "m3.decisions.v1"),
                "m1-ce-service", Set.of("registry.apps.v1"),
                "m2-interop-service", Set.of("registry.apps.v1"),
                "m3-reimbursement-service", Set.of("registry.apps.v1")));
        assertThat(EventContract.kafkaServices()).containsAll(
                PyramidService.domainServices().stream().map(s -> s.name).toList());
        assertThat(EventContract.kafkaServices()).doesNotContain(PyramidService.GATEWAY.name);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceThatUsesKafkaHasItsOwnUserWithExactlyTheAclsOfTheContract(String overlay) {
        Manifests m = Manifests.of(overlay);
        Map<String, KafkaUser> users = m.all(KafkaUser.class).stream()
                .collect(Collectors.toMap(u -> u.getMetadata().getName(), u -> u));

        assertThat(users.keySet()).as("a KafkaUser per service that produces or consumes, and no other")
                .containsExactlyInAnyOrderElementsOf(EventContract.kafkaServices());
        for (String service : EventContract.kafkaServices()) {
            KafkaUser user = users.get(service);
            assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka(m).getMetadata().getName());
            assertThat(user.getSpec().getAuthentication()).isInstanceOf(KafkaUserScramSha512ClientAuthentication.class);
            assertThat(user.getSpec().getAuthorization()).isInstanceOf(KafkaUserAuthorizationSimple.class);
            assertThat(acls(user)).as(service).containsExactlyInAnyOrderElementsOf(expectedAcls(service));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheProducerOfATopicMayWriteItAndNobodyMayAdministerTheCluster(String overlay) {
        Manifests m = Manifests.of(overlay);

        for (Topic topic : Topic.values()) {
            assertThat(m.all(KafkaUser.class).stream()
                    .filter(u -> acls(u).stream().anyMatch(a -> a.startsWith("topic " + topic.topicName() + " ")
                            && !a.endsWith(" Read")))
                    .map(u -> u.getMetadata().getName()))
                    .as("who may do more than read " + topic.topicName()).containsExactly(topic.producer());
        }
        // No user may create, delete or reconfigure topics, touch another group, or act on the cluster:
        // the KafkaTopics own the topics, and IdempotentWrite is not needed on Kafka 4 (Write on a topic suffices).
        assertThat(m.all(KafkaUser.class)).allSatisfy(u -> assertThat(acls(u))
                .allMatch(a -> a.endsWith(" Read") || a.endsWith(" Write"))
                .allMatch(a -> a.startsWith("topic ") || a.equals("group " + u.getMetadata().getName() + " Read")));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theOnlyListenerRequiresTlsAndScramAndTheClusterAuthorizesEveryRequest(String overlay) {
        Kafka kafka = kafka(Manifests.of(overlay));

        assertThat(kafka.getSpec().getKafka().getListeners()).singleElement().satisfies(l -> {
            assertThat(l.isTls()).as("encrypted").isTrue();
            assertThat(l.getAuth()).as("authenticated").isInstanceOf(KafkaListenerAuthenticationScramSha512.class);
        });
        assertThat(kafka.getSpec().getKafka().getAuthorization()).isInstanceOf(KafkaAuthorizationSimple.class);
        var authorization = (KafkaAuthorizationSimple) kafka.getSpec().getKafka().getAuthorization();
        assertThat(authorization.getSuperUsers()).as("no service is a super user").isNullOrEmpty();
        assertThat(kafka.getSpec().getEntityOperator().getUserOperator()).as("KafkaUsers need the user operator")
                .isNotNull();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceSignsInAsItsOwnUserOverTls(String overlay) {
        Manifests m = Manifests.of(overlay);
        Kafka kafka = kafka(m);
        GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().get(0);

        for (String service : EventContract.kafkaServices()) {
            Map<String, String> config = m.one(ConfigMap.class, service + "-config").getData();
            Map<String, EnvVar> env = env(m.one(Deployment.class, service));

            assertThat(config)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS",
                            kafka.getMetadata().getName() + "-kafka-bootstrap:" + listener.getPort())
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
                    .doesNotContainKeys("KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_CERTIFICATES");
            var password = env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef();
            assertThat(password.getName()).as("the Secret the User Operator creates for the service's KafkaUser")
                    .isEqualTo(service);
            assertThat(password.getKey()).isEqualTo("sasl.jaas.config");
            var ca = env.get("KAFKA_SSL_TRUSTSTORE_CERTIFICATES").getValueFrom().getSecretKeyRef();
            assertThat(ca.getName()).isEqualTo(kafka.getMetadata().getName() + "-cluster-ca-cert");
            assertThat(ca.getKey()).isEqualTo("ca.crt");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyKafkaVariableIsAKafkaClientSetting(String overlay) {
        // Quarkus hands every KAFKA_* variable to the Kafka clients as the setting of the same name
        // (KAFKA_SASL_JAAS_CONFIG -> sasl.jaas.config); a misspelt variable would be passed on and ignored.
        Manifests m = Manifests.of(overlay);
        Set<String> known = new TreeSet<>(ProducerConfig.configNames());
        known.addAll(ConsumerConfig.configNames());

        for (Deployment d : m.all(Deployment.class)) {
            if (m.all(ConfigMap.class).stream().noneMatch(c -> c.getMetadata().getName().equals(d.getMetadata().getName() + "-config"))) {
                continue; // not a Pyramid service (e.g. the gateway's Redis)
            }
            Set<String> variables = new TreeSet<>(env(d).keySet());
            variables.addAll(m.one(ConfigMap.class, d.getMetadata().getName() + "-config").getData().keySet());
            assertThat(variables.stream().filter(v -> v.startsWith("KAFKA_"))
                    .map(v -> v.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.')))
                    .as(d.getMetadata().getName()).allMatch(known::contains, "a Kafka client setting");
        }
        assertThat(known).contains(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "ssl.truststore.certificates");
    }

    @Test
    void aNewConsumerModuleIsFound(@TempDir Path repo) throws IOException {
        // notification-service, once it exists, needs a KafkaUser: the scan finds it from its sources alone.
        Path module = repo.resolve("notification-service");
        Files.createDirectories(module.resolve("src/main/resources"));
        Files.writeString(module.resolve("src/main/resources/application.properties"),
                "quarkus.application.name=notification-service\n");
        Path code = Files.createDirectories(module.resolve("src/main/java/be/mhealth/pyramid/notification/messaging"));
        Files.writeString(code.resolve("EventsConsumer.java"), """
                class EventsConsumer {
                    @Incoming(Topic.Names.M1_DECISIONS)
                    void m1(String event) {}
                    @Incoming( Names.REGISTRY_APPS )
                    void apps(String event) {}
                }
                """);

        assertThat(EventContract.scan(repo)).isEqualTo(Map.of("notification-service", Set.of("m1.decisions.v1", "registry.apps.v1")));

        Files.writeString(module.resolve("src/main/resources/application.properties"),
                "quarkus.application.name=notification-service\nmp.messaging.incoming.\"m1.decisions.v1\".topic=other\n");
        assertThatThrownBy(() -> EventContract.scan(repo)).hasMessageContaining("teach EventContract first");
    }

    @Test
    void aConsumerWhoseChannelIsNotATopicIsRejected() {
        assertThat(EventContract.topicOf("Topic.Names.M2_DECISIONS", null)).isEqualTo("m2.decisions.v1");
        assertThat(EventContract.topicOf("\"registry.apps.v1\"", null)).isEqualTo("registry.apps.v1");
        assertThatThrownBy(() -> EventContract.topicOf("\"pyramid.unrouted\"", null))
                .hasMessageContaining("unknown topic");
        assertThatThrownBy(() -> EventContract.topicOf("CHANNEL", null))
                .hasMessageContaining("cannot tell the channel");
    }

    private static Map<String, EnvVar> env(Deployment d) {
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, EnvVar> env = new HashMap<>();
        Stream.ofNullable(c.getEnv()).flatMap(List::stream).forEach(e -> env.put(e.getName(), e));
        return env;
    }

    private static Kafka kafka(Manifests m) {
        return m.all(Kafka.class).get(0);
    }
}
