package be.mhealth.pyramid.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import be.mhealth.pyramid.events.Topic;

/** Kafka through Strimzi: KRaft node pools, and exactly the contract's topics with their partitions. */
class KafkaTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContractTopicHasOneKafkaTopicWithItsPartitionsAndNoOtherTopicExists(String overlay) {
        Manifests m = Manifests.of(overlay);
        Map<String, List<KafkaTopic>> byName = m.all(KafkaTopic.class).stream()
                .collect(Collectors.groupingBy(KafkaTest::topicName));

        assertThat(byName.keySet())
                .containsExactlyInAnyOrderElementsOf(Stream.of(Topic.values()).map(Topic::topicName).toList());
        for (Topic topic : Topic.values()) {
            assertThat(byName.get(topic.topicName())).as(topic.topicName()).singleElement()
                    .satisfies(t -> assertThat(t.getSpec().getPartitions()).isEqualTo(topic.partitions()));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void topicsAreReplicatedAsTheOverlayRequires(String overlay) {
        Manifests m = Manifests.of(overlay);
        int brokers = nodes(m, ProcessRoles.BROKER);
        int replicas = m.production() ? 3 : 1;
        int minInSync = m.production() ? 2 : 1;

        assertThat(brokers).as("brokers").isGreaterThanOrEqualTo(replicas);
        for (KafkaTopic t : m.all(KafkaTopic.class)) {
            assertThat(t.getSpec().getReplicas()).as(topicName(t)).isEqualTo(replicas);
            assertThat(t.getSpec().getConfig()).as(topicName(t)).containsEntry("min.insync.replicas", minInSync);
            assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka(m).getMetadata().getName());
        }
        Map<String, Object> config = kafka(m).getSpec().getKafka().getConfig();
        assertThat(config)
                .containsEntry("auto.create.topics.enable", false)
                .containsEntry("default.replication.factor", replicas)
                .containsEntry("min.insync.replicas", minInSync)
                .containsEntry("offsets.topic.replication.factor", replicas)
                .containsEntry("transaction.state.log.replication.factor", replicas)
                .containsEntry("transaction.state.log.min.isr", minInSync);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkaRunsInKraftModeOnNodePools(String overlay) {
        Manifests m = Manifests.of(overlay);
        Kafka kafka = kafka(m);

        assertThat(m.all(Kafka.class)).hasSize(1);
        assertThat(kafka.getSpec().getZookeeper()).isNull();
        assertThat(kafka.getSpec().getKafka().getVersion()).startsWith("4.");
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator()).as("KafkaTopics need the topic operator").isNotNull();
        assertThat(m.all(KafkaNodePool.class)).isNotEmpty().allSatisfy(pool -> {
            assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka.getMetadata().getName());
            assertThat(pool.getSpec().getStorage()).isNotNull();
            assertThat(pool.getSpec().getResources().getRequests()).containsKeys("cpu", "memory");
        });
        int controllers = nodes(m, ProcessRoles.CONTROLLER);
        assertThat(controllers).as("KRaft controllers: an odd quorum").isOdd();
        if (m.production()) {
            assertThat(controllers).isGreaterThanOrEqualTo(3);
            assertThat(m.all(KafkaNodePool.class)).as("controllers and brokers in separate pools")
                    .allSatisfy(pool -> assertThat(pool.getSpec().getRoles()).hasSize(1));
        }
        // Only pods labelled as Kafka clients (the four domain services) may connect; the gateway is not one.
        var listener = kafka.getSpec().getKafka().getListeners().get(0);
        assertThat(listener.getNetworkPolicyPeers()).singleElement().satisfies(peer -> assertThat(
                peer.getPodSelector().getMatchLabels()).containsExactly(Map.entry("pyramid.mhealth.be/kafka-client", "true")));
        for (PyramidService svc : PyramidService.values()) {
            var labels = m.one(io.fabric8.kubernetes.api.model.apps.Deployment.class, svc.name)
                    .getSpec().getTemplate().getMetadata().getLabels();
            assertThat("true".equals(labels.get("pyramid.mhealth.be/kafka-client"))).as(svc.name)
                    .isEqualTo(svc.usesDatabaseAndKafka());
        }
    }

    private static int nodes(Manifests m, ProcessRoles role) {
        return m.all(KafkaNodePool.class).stream()
                .filter(p -> p.getSpec().getRoles().contains(role))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
    }

    private static Kafka kafka(Manifests m) {
        return m.all(Kafka.class).get(0);
    }

    private static String topicName(KafkaTopic t) {
        return t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName();
    }
}
