package be.mhealth.pyramid.support.outbox;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import be.mhealth.pyramid.events.Topic;
import be.mhealth.pyramid.support.PyramidConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Creates the contract's topics, with their partition counts, when they are missing. Events are kept forever (as on
 * Kubernetes, k8s/base/kafka/topics.yaml): a new consumer group rebuilds its state from the first event.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final Map<String, Object> kafkaConfig;
    private final PyramidConfig.Kafka config;

    TopicProvisioner(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, PyramidConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config.kafka();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.provisionTopics()) {
            provision();
        }
    }

    public void provision() {
        Map<String, Object> adminConfig = new HashMap<>();
        kafkaConfig.forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k)) {
                adminConfig.put(k, v);
            }
        });
        List<NewTopic> topics = Arrays.stream(Topic.values())
                .map(t -> new NewTopic(t.topicName(), t.partitions(), config.replicationFactor())
                        .configs(Map.of("retention.ms", "-1")))
                .toList();
        try (Admin admin = Admin.create(adminConfig)) {
            for (var result : admin.createTopics(topics).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                    LOG.infof("created topic %s", result.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("could not create topic %s: %s", result.getKey(), e.getCause().getMessage());
                    }
                }
            }
        } catch (Exception e) {
            LOG.warnf("topic provisioning skipped: %s", e.getMessage());
        }
    }
}
