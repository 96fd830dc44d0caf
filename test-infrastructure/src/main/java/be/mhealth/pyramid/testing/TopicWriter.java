package be.mhealth.pyramid.testing;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventJson;
import be.mhealth.pyramid.events.EventType;

/**
 * Writes records to the test broker with exactly the key, headers and value a test chooses: by default as the
 * producing service would write the event (binary CloudEvents headers, app id key), then changed at will, e.g.
 * {@code TopicWriter.event(payload).header("ce_time", "yesterday").send()}.
 */
public final class TopicWriter {

    private String topic;
    private String key;
    private String value;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private TopicWriter() {
    }

    /** The event as its producer writes it, with a fresh {@code ce_id}. */
    public static TopicWriter event(AppEvent payload) {
        EventType type = EventType.of(payload);
        TopicWriter writer = new TopicWriter();
        writer.topic = type.topic().topicName();
        writer.key = payload.appId().toString();
        writer.value = EventJson.write(payload);
        writer.headers.put("ce_specversion", "1.0");
        writer.headers.put("ce_id", UUID.randomUUID().toString());
        writer.headers.put("ce_type", type.ceType());
        writer.headers.put("ce_source", type.topic().source());
        writer.headers.put("ce_subject", payload.appId().toString());
        writer.headers.put("ce_time", OffsetDateTime.now().toString());
        writer.headers.put("content-type", "application/json");
        return writer;
    }

    /** A record with no headers at all. */
    public static TopicWriter raw(String topic, String key, String value) {
        TopicWriter writer = new TopicWriter();
        writer.topic = topic;
        writer.key = key;
        writer.value = value;
        return writer;
    }

    /** Sets a header, replacing one of that name; {@code null} removes it. */
    public TopicWriter header(String name, String headerValue) {
        if (headerValue == null) {
            headers.remove(name);
        } else {
            headers.put(name, headerValue);
        }
        return this;
    }

    public TopicWriter topic(String newTopic) {
        this.topic = newTopic;
        return this;
    }

    public TopicWriter key(String newKey) {
        this.key = newKey;
        return this;
    }

    public TopicWriter value(String newValue) {
        this.value = newValue;
        return this;
    }

    /** The record key this record carries. */
    public String recordKey() {
        return key;
    }

    /** The {@code ce_id} this record carries (null when removed). */
    public String id() {
        return headers.get("ce_id");
    }

    /** Writes the record and waits for the broker's acknowledgement; returns where it was stored. */
    public RecordMetadata send() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + topic, e);
        }
    }
}
