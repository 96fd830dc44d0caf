package be.mhealth.pyramid.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

import be.mhealth.pyramid.events.Topic;

/**
 * The KafkaUsers' ACLs on a real Kafka broker (the version the services use, in KRaft mode, with the
 * StandardAuthorizer that Strimzi's "simple" authorization runs and SCRAM-SHA-512 sign-in): each service's
 * clients, configured as the services configure theirs (an idempotent producer with acks=all, a consumer in
 * the group named after the service), can do what their part of the contract needs and nothing else. The ACLs
 * are applied as Strimzi's User Operator applies them: principal {@code User:<KafkaUser name>}, any host.
 */
class KafkaAclBrokerTest {

    private static final String LISTENER = "EXTERNAL";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static KafkaClusterTestKit cluster;
    private static final Map<String, String> PASSWORDS = new HashMap<>();

    static Stream<String> services() {
        return EventContract.kafkaServices().stream();
    }

    @BeforeAll
    static void startBrokerWithTheUsersOfTheManifests() throws Exception {
        // The broker shares the test JVM: it must not halt it when it shuts down.
        Exit.setHaltProcedure((code, message) -> System.err.println("Kafka test broker asked to halt: " + message));
        Exit.setExitProcedure((code, message) -> System.err.println("Kafka test broker asked to exit: " + message));
        // Brokers and controller talk over SASL PLAIN as the test kit's super user; clients sign in with SCRAM.
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBrokerListenerName(new ListenerName(LISTENER))
                .setBrokerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .setControllerSecurityProtocol(SecurityProtocol.SASL_PLAINTEXT)
                .build())
                .setConfigProp("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512")
                .setConfigProp("listener.name." + LISTENER.toLowerCase() + ".scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;")
                .setConfigProp("auto.create.topics.enable", "false")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();

        List<KafkaUser> users = Manifests.of(Manifests.LOCAL).all(KafkaUser.class);
        try (Admin admin = Admin.create(superUser())) {
            admin.createTopics(Stream.of(Topic.values())
                    .map(t -> new NewTopic(t.topicName(), t.partitions(), (short) 1)).toList()).all().get();
            List<UserScramCredentialAlteration> credentials = new ArrayList<>();
            List<AclBinding> acls = new ArrayList<>();
            for (KafkaUser user : users) {
                String name = user.getMetadata().getName();
                PASSWORDS.put(name, UUID.randomUUID().toString());
                credentials.add(new UserScramCredentialUpsertion(name,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), PASSWORDS.get(name)));
                acls.addAll(bindings(user));
            }
            admin.alterUserScramCredentials(credentials).all().get();
            admin.createAcls(acls).all().get();
            // Wait until the broker knows them all before any client signs in.
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (admin.describeUserScramCredentials().all().get().size() < users.size()
                    || admin.describeAcls(AclBindingFilter.ANY).values().get().size() < acls.size()) {
                assertThat(System.nanoTime()).as("users and ACLs in place").isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        // The broker learns credentials from its metadata log: wait until every user can actually sign in, so that a
        // client refused by a credential not yet loaded (a fatal error to an idempotent producer) cannot pass for an ACL
        // verdict.
        for (String user : PASSWORDS.keySet()) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!canSignIn(user)) {
                assertThat(System.nanoTime()).as(user + " signs in").isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        // One event on every topic, written by the super user, for the consumers to find.
        try (var producer = new KafkaProducer<>(superUser(), new StringSerializer(), new StringSerializer())) {
            for (Topic t : Topic.values()) {
                producer.send(new ProducerRecord<>(t.topicName(), "app-1", "{}")).get();
            }
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aServiceWritesItsOwnTopicsAndNoOther(String service) throws Exception {
        Set<String> written = new TreeSet<>();
        // One producer per topic: a refused write leaves an idempotent producer in an error state (its
        // sequence is broken), which would make the next topic's verdict depend on the previous one's.
        for (Topic t : Topic.values()) {
            String topic = t.topicName();
            try (var producer = new KafkaProducer<>(producerConfig(service), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "app-1", "{}")).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                written.add(topic);
            } catch (ExecutionException | KafkaException e) {
                // A service that may write no topic is refused a producer id, which is fatal to the producer: send()
                // then throws at once or fails the future, depending on which comes first. Either way the refusal
                // must be an authorization error.
                assertThat(causes(e)).as(service + " -> " + topic).anyMatch(AuthorizationException.class::isInstance);
            }
        }

        assertThat(written).as("the topics " + service + " could write").isEqualTo(EventContract.produces(service));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aServiceReadsTheTopicsItConsumesInItsOwnGroup(String service) {
        Set<String> consumed = EventContract.consumes(service);
        Set<String> seen = new TreeSet<>();
        try (var consumer = consumer(service, service)) {
            consumer.subscribe(consumed);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!seen.equals(consumed) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<String, String> r) -> seen.add(r.topic()));
            }
            consumer.commitSync();
        }

        assertThat(seen).as(service + " read").isEqualTo(consumed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void aServiceReadsNoOtherTopicAndJoinsNoOtherGroup(String service) {
        for (Topic topic : Topic.values()) {
            if (!EventContract.consumes(service).contains(topic.topicName())) {
                try (var consumer = consumer(service, service)) {
                    consumer.subscribe(List.of(topic.topicName()));
                    assertThatThrownBy(() -> pollUntilFailure(consumer)).as(service + " reads " + topic.topicName())
                            .isInstanceOf(TopicAuthorizationException.class);
                }
            }
        }
        for (String other : EventContract.kafkaServices()) {
            if (!other.equals(service) && !EventContract.consumes(service).isEmpty()) {
                try (var consumer = consumer(service, other)) {
                    consumer.subscribe(EventContract.consumes(service));
                    assertThatThrownBy(() -> pollUntilFailure(consumer)).as(service + " joins the group " + other)
                            .isInstanceOf(GroupAuthorizationException.class);
                }
            }
        }
    }

    /** A KafkaUser's ACL rules as the Kafka ACL bindings Strimzi's User Operator creates from them. */
    static List<AclBinding> bindings(KafkaUser user) {
        List<AclBinding> bindings = new ArrayList<>();
        String principal = "User:" + user.getMetadata().getName();
        for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
            ResourcePattern resource = switch (rule.getResource()) {
                case AclRuleTopicResource t -> new ResourcePattern(ResourceType.TOPIC, t.getName(), PatternType.LITERAL);
                case AclRuleGroupResource g -> new ResourcePattern(ResourceType.GROUP, g.getName(), PatternType.LITERAL);
                default -> throw new AssertionError("unexpected ACL resource " + rule.getResource().getType());
            };
            for (var operation : rule.getOperations()) {
                bindings.add(new AclBinding(resource, new AccessControlEntry(principal, "*",
                        AclOperation.fromString(operation.toValue()), AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    private static boolean canSignIn(String user) throws InterruptedException {
        Map<String, Object> config = signedInAs(user);
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** The exception and its causes, outermost first. */
    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static void pollUntilFailure(KafkaConsumer<String, String> consumer) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200));
        }
    }

    /** As the outbox relay's channel: idempotent, acks=all (service-support's microprofile-config.properties). */
    private static Map<String, Object> producerConfig(String service) {
        Map<String, Object> config = signedInAs(service);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return config;
    }

    /** As a service's channels: its group, from the earliest offset, offsets committed by the application. */
    private static KafkaConsumer<String, String> consumer(String service, String group) {
        Map<String, Object> config = signedInAs(service);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** What the Deployment gives a service: SCRAM-SHA-512 with the JAAS line the User Operator writes. */
    private static Map<String, Object> signedInAs(String service) {
        assertThat(PASSWORDS).as("a KafkaUser for " + service).containsKey(service);
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"" + service + "\" password=\"" + PASSWORDS.get(service) + "\";");
        return config;
    }

    private static Map<String, Object> superUser() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        config.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"" + JaasUtils.KAFKA_PLAIN_ADMIN + "\" password=\"" + JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD + "\";");
        return config;
    }
}
