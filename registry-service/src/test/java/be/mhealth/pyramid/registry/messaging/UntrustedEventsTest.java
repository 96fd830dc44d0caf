package be.mhealth.pyramid.registry.messaging;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static be.mhealth.pyramid.registry.RegistryFixtures.m1Granted;
import static be.mhealth.pyramid.registry.RegistryFixtures.m2Granted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.DossierEvents;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.events.Topic;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.registry.RegistryFixtures.Parked;
import be.mhealth.pyramid.support.inbox.Inbox;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * The registry applies only what the contract allows on a topic, from the topic's producer, well formed and within
 * the limits; everything else is parked (the consumer goes on), and an operator sees why, retries or discards it.
 * A record read again at an old offset is never applied twice, even once its processed-event row was purged.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestSecurity(user = "ada", roles = "platform-admin")
class UntrustedEventsTest {

    static final String ADMIN = "/api/v1/admin/registry/parked-events";

    @Inject
    RegistryFixtures fixtures;

    @Inject
    Inbox inbox;

    record Case(String name, Function<UUID, TopicWriter> record, String error) {
    }

    static TopicWriter grant(UUID app) {
        return TopicWriter.event(m1Granted(app, UUID.randomUUID(), LocalDate.now().plusYears(2)));
    }

    static final List<Case> CASES = List.of(
            new Case("a type of another topic", app -> TopicWriter.event(m2Granted(app))
                    .topic(Topic.Names.M1_DECISIONS), "belongs on m2.decisions.v1, not on m1.decisions.v1"),
            new Case("a type the contract does not know", app -> grant(app)
                    .header("ce_type", "be.mhealth.pyramid.m1.teleported.v1"), "is not a type of the contract"),
            new Case("another producer", app -> grant(app).header("ce_source", "/m2-interop-service"),
                    "is not /m1-ce-service, the producer of m1.decisions.v1"),
            new Case("a malformed ce_time", app -> grant(app).header("ce_time", "yesterday at noon"),
                    "ce_time 'yesterday at noon' is not an RFC 3339 time"),
            new Case("no ce_id", app -> grant(app).header("ce_id", null), "ce_id is missing"),
            new Case("no ce_specversion", app -> grant(app).header("ce_specversion", null),
                    "ce_specversion header is missing"),
            new Case("an unreadable payload", app -> grant(app).value("{\"appId\": \"" + app + "\", \"decidedAt\": 7"),
                    "unreadable payload"),
            new Case("a key that is not the payload's app", app -> grant(app).key(UUID.randomUUID().toString()),
                    "is not the payload's appId"),
            new Case("a reason beyond the contract's limit", app -> TopicWriter.event(new M1Events.M1Rejected(app,
                    UUID.randomUUID(), "r".repeat(Limits.REASON + 1), "fiona", Instant.now())),
                    "reason: 2001 characters, at most 2000"));

    @Test
    void untrustedOrMalformedRecordsAreParkedWhileOtherAppsKeepFlowing() {
        List<UUID> apps = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Case c : CASES) {
            UUID app = fixtures.create(body("Untrusted " + c.name()), "medisoft");
            TopicWriter writer = c.record().apply(app);
            writer.send();
            apps.add(app);
            keys.add(writer.recordKey());
        }
        UUID trusted = fixtures.create(body("Trusted"), "medisoft");
        fixtures.feed(m1Granted(trusted, UUID.randomUUID(), LocalDate.now().plusYears(2)));
        assertThat(fixtures.level(trusted)).isEqualTo(Level.M1);

        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            List<Parked> parked = fixtures.awaitParked(keys.get(i), 1);
            assertThat(parked).as(c.name()).singleElement().satisfies(p -> {
                assertThat(p.status()).isEqualTo("PARKED");
                assertThat(p.errorMessage()).contains(c.error());
            });
            assertThat(fixtures.level(apps.get(i))).as(CASES.get(i).name()).isNull();
        }

        // The malformed time stays parked when retried unchanged; the operator sees why and discards it.
        Parked malformed = fixtures.parked(apps.get(3)).get(0);
        given().when().post(ADMIN + "/" + malformed.id() + "/retry").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://pyramid.mhealth.be/problems/retry-failed"))
                .body("currentState", equalTo("PARKED"));
        given().when().get(ADMIN + "/" + malformed.id()).then().statusCode(200)
                .body("status", equalTo("PARKED"))
                .body("attempts", equalTo(2))
                .body("error.type", equalTo("be.mhealth.pyramid.support.inbox.InvalidEventException"))
                .body("topic", equalTo("m1.decisions.v1"))
                .body("key", equalTo(apps.get(3).toString()))
                .body("headers.find { it.name == 'ce_time' }.value", equalTo("yesterday at noon"))
                .body("payload", org.hamcrest.Matchers.containsString(apps.get(3).toString()));
        for (String key : keys) {
            given().contentType(ContentType.JSON).body(Map.of("reason", "not a decision of FAMHP"))
                    .when().post(ADMIN + "/" + fixtures.parked(key).get(0).id() + "/discard")
                    .then().statusCode(200).body("event.status", equalTo("DISCARDED"))
                    .body("event.resolvedBy", equalTo("ada"));
        }
        given().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .when().post(ADMIN + "/" + malformed.id() + "/discard").then().statusCode(409)
                .body("type", equalTo("https://pyramid.mhealth.be/problems/already-resolved"))
                .body("currentState", equalTo("DISCARDED"));
    }

    @Test
    void aValidEventTheRegistryDoesNotApplyIsPassedOverWithoutATransactionAndAForgedOneIsStillParked() {
        UUID app = fixtures.create(body("State changes first"), "medisoft");
        UUID dossier = UUID.randomUUID();
        // As M1 publishes an approval: the dossier's two state changes, then the grant, on the app's partition.
        TopicWriter review = TopicWriter.event(changed(app, dossier, "SUBMITTED", "IN_REVIEW", "START_REVIEW"));
        TopicWriter approval = TopicWriter.event(changed(app, dossier, "IN_REVIEW", "APPROVED", "APPROVE"));
        TopicWriter grant = TopicWriter.event(m1Granted(app, dossier, LocalDate.now().plusYears(2)));
        review.send();
        approval.send();
        grant.send();
        fixtures.awaitProcessed(grant.id());

        assertThat(fixtures.level(app)).isEqualTo(Level.M1);
        assertThat(fixtures.count("select count(*) from processed_event where event_id in (?1, ?2)", review.id(),
                approval.id())).as("state changes recorded as handled").isZero();
        assertThat(fixtures.parked(app)).isEmpty();

        // Passing over is for events that read as valid only: one from another producer is parked as always.
        UUID other = fixtures.create(body("Forged state change"), "medisoft");
        TopicWriter.event(changed(other, UUID.randomUUID(), "IN_REVIEW", "APPROVED", "APPROVE"))
                .header("ce_source", "/m2-interop-service").send();
        assertThat(fixtures.awaitParked(other, 1).get(0).errorMessage())
                .contains("is not /m1-ce-service, the producer of m1.decisions.v1");
    }

    private static DossierEvents.DossierStateChanged changed(UUID app, UUID dossier, String from, String to,
            String action) {
        return new DossierEvents.DossierStateChanged(app, dossier, "medisoft", Level.M1, from, to, action,
                DossierEvents.ActedBy.AUTHORITY, null, Instant.now());
    }

    @Test
    void aRecordReadAgainAtAnOldOffsetIsNotAppliedAgainEvenOnceItsProcessedRowWasPurged() {
        UUID app = fixtures.create(body("Read twice"), "medisoft");
        UUID dossier = UUID.randomUUID();
        TopicWriter grant = TopicWriter.event(m1Granted(app, dossier, LocalDate.now().plusYears(2)));
        RecordMetadata written = grant.send();
        fixtures.awaitProcessed(grant.id());
        assertThat(fixtures.level(app)).isEqualTo(Level.M1);

        fixtures.sql("delete from processed_event where event_id = '" + grant.id() + "'");
        // Read again at the same offset (e.g. after the consumer group's offsets expired), a record that would end the
        // grant if it were applied.
        M1Events.M1Revoked revoke = new M1Events.M1Revoked(app, dossier, "revoked", "fiona", Instant.now());
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", EventType.M1_REVOKED.ceType().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/m1-ce-service".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, String> again = new ConsumerRecord<>(written.topic(), written.partition(),
                written.offset(), 0L, TimestampType.CREATE_TIME, 0, 0, app.toString(),
                be.mhealth.pyramid.events.EventJson.write(revoke), headers, java.util.Optional.empty());

        assertThat(inbox.process(again)).isEqualTo(Inbox.Outcome.ALREADY_HANDLED);
        assertThat(fixtures.level(app)).isEqualTo(Level.M1);
        assertThat(fixtures.parked(app)).isEmpty();
    }
}
