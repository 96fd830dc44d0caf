package be.mhealth.pyramid.support.inbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One Kafka record as the inbox sees it: where it sits, its key, every header (raw bytes, duplicates kept) and its
 * value. Made from a {@link ConsumerRecord}, or from a parked event to apply it again.
 */
public record InboundRecord(String topic, int partition, long offset, String key, List<Header> headers,
        String value) {

    /** One record header; {@code value} may be null. */
    public record Header(String name, byte[] value) {
    }

    public static InboundRecord of(ConsumerRecord<String, String> record) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(h -> headers.add(new Header(h.key(), h.value())));
        return new InboundRecord(record.topic(), record.partition(), record.offset(), Texts.storable(record.key()),
                List.copyOf(headers), record.value());
    }

    /** The last header of this name, as UTF-8 text. */
    public Optional<String> header(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            Header header = headers.get(i);
            if (header.name().equals(name)) {
                return header.value() == null ? Optional.empty()
                        : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** {@code m1.decisions.v1-3@1234}: where the record sits, for logs and messages. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
