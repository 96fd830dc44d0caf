package be.mhealth.pyramid.support.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;

import be.mhealth.pyramid.support.problem.RuleViolationException;

/**
 * {@code Idempotency-Key} support for writes: the first response is stored in the same transaction as the
 * write it reports, and a retry with the same key gets that response again instead of a second write.
 */
@ApplicationScoped
public class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    private static final int MAX_KEY_LENGTH = 200;

    private final EntityManager em;
    private final ObjectMapper json;
    /**
     * Fingerprints: map entries and set elements sorted, so that a retry after a restart still matches (another
     * Map.of order; a HashSet of enums iterates by identity hash codes, which change with every JVM).
     */
    private final ObjectMapper fingerprints;
    private final Clock clock;

    IdempotentWrites(EntityManager em, ObjectMapper json, Clock clock) {
        this.em = em;
        this.json = json;
        this.fingerprints = json.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .registerModule(new SimpleModule("sorted-sets").addSerializer(new SortedSetSerializer(json)));
        this.clock = clock;
    }

    /**
     * Runs {@code write} once per (caller, key), in the caller's transaction or a new one (so a resource need not be
     * transactional itself: the write and its stored response commit together). Without a key it simply runs. The
     * response entity must be JSON-serializable.
     */
    @Transactional
    public Response run(String key, String caller, String operation, Object request, Supplier<Response> write) {
        if (key == null || key.isBlank()) {
            return write.get();
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new RuleViolationException(HEADER, "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        String fingerprint = operation + " " + hash(request);
        IdempotencyRecord previous = em.find(IdempotencyRecord.class, new IdempotencyRecord.Key(caller, key));
        if (previous != null) {
            if (!previous.requestFingerprint.equals(fingerprint)) {
                throw new RuleViolationException(HEADER,
                        "this key was already used for a different request; use a new key");
            }
            Response.ResponseBuilder replay = Response.status(previous.status).header(REPLAYED_HEADER, "true");
            if (previous.location != null) {
                replay.header(HttpHeaders.LOCATION, previous.location);
            }
            if (previous.etag != null) {
                replay.header(HttpHeaders.ETAG, previous.etag);
            }
            if (previous.body != null) {
                replay.entity(previous.body).type(MediaType.APPLICATION_JSON_TYPE);
            }
            return replay.build();
        }
        Response response = write.get();
        IdempotencyRecord record = new IdempotencyRecord();
        record.caller = caller;
        record.idempotencyKey = key;
        record.requestFingerprint = fingerprint;
        record.status = response.getStatus();
        record.location = response.getLocation() == null ? null : response.getLocation().toString();
        record.etag = response.getHeaderString(HttpHeaders.ETAG);
        record.body = response.hasEntity() ? write(response.getEntity()) : null;
        record.createdAt = OffsetDateTime.now(clock);
        em.persist(record);
        return response;
    }

    String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(fingerprints.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint " + request.getClass().getSimpleName(), e);
        }
    }

    /** A set as a JSON array of its elements in the order of their own JSON text. */
    @SuppressWarnings("rawtypes")
    private static final class SortedSetSerializer extends StdSerializer<Set> {
        private final ObjectMapper elements;

        SortedSetSerializer(ObjectMapper elements) {
            super(Set.class);
            this.elements = elements.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        }

        @Override
        public void serialize(Set set, JsonGenerator out, SerializerProvider provider) throws IOException {
            List<String> sorted = new ArrayList<>();
            for (Object element : set) {
                sorted.add(elements.writeValueAsString(element));
            }
            Collections.sort(sorted);
            out.writeStartArray();
            for (String element : sorted) {
                out.writeRawValue(element);
            }
            out.writeEndArray();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
