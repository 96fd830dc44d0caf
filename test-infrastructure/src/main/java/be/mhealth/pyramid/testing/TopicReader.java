package be.mhealth.pyramid.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventJson;
import be.mhealth.pyramid.events.EventType;

/** Reads and writes the real test broker's topics the way another service would. */
public final class TopicReader {

    private TopicReader() {
    }

    /** A record with its CloudEvents headers decoded. */
    public record Event(String key, Map<String, String> headers, String value) {
        public String header(String name) {
            return headers.get(name);
        }

        public String ceType() {
            return headers.get("ce_type");
        }

        public <T extends AppEvent> T payload(Class<T> type) {
            return EventJson.read(value, type);
        }
    }

    /** Every record currently on {@code topic}, read from the beginning. */
    public static List<Event> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            while (emptyPolls < 2) {
                var records = consumer.poll(Duration.ofMillis(events.isEmpty() && emptyPolls == 0 ? 3000 : 500));
                if (records.isEmpty()) {
                    emptyPolls++;
                }
                for (ConsumerRecord<String, String> r : records) {
                    Map<String, String> headers = new java.util.LinkedHashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    events.add(new Event(r.key(), headers, r.value()));
                }
            }
        }
        return events;
    }

    /** Waits (up to 30 s) until {@code topic} holds an event matching {@code match}, and returns it. */
    public static Event await(String topic, Predicate<Event> match) {
        Event[] found = new Event[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            found[0] = readAll(topic).stream().filter(match).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    /** Waits for the event of {@code type} about {@code appId}. */
    public static Event await(EventType type, UUID appId) {
        return await(type.topic().topicName(),
                e -> type.ceType().equals(e.ceType()) && appId.toString().equals(e.key()));
    }

    /** Publishes an event as its producing service would (binary CloudEvents headers, app id key). */
    public static void publish(String eventId, AppEvent payload) {
        TopicWriter.event(payload).header("ce_id", eventId).send();
    }
}
