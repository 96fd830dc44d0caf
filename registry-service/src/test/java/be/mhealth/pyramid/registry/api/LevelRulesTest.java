package be.mhealth.pyramid.registry.api;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static be.mhealth.pyramid.registry.RegistryFixtures.m1Granted;
import static be.mhealth.pyramid.registry.RegistryFixtures.m2Granted;
import static be.mhealth.pyramid.registry.RegistryFixtures.m3Granted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.events.M2Events;
import be.mhealth.pyramid.events.M3Events;
import be.mhealth.pyramid.events.RegistryEvents.AppLevelChanged;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import be.mhealth.pyramid.registry.repository.LevelChangeRepository;
import be.mhealth.pyramid.registry.repository.LevelGrantRepository;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.MovableClock;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class LevelRulesTest {

    @Inject
    RegistryFixtures fixtures;

    @Inject
    LevelChangeRepository history;

    @Inject
    LevelGrantRepository grants;

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void grantLapseAndRestoreFollowThePyramidRule() {
        UUID app = fixtures.create(body("Pyramid climber"), "medisoft");

        String m1 = fixtures.feed(m1Granted(app, UUID.randomUUID(), LocalDate.now().plusYears(3)));
        assertThat(fixtures.level(app)).isEqualTo(Level.M1);
        TopicReader.Event changed = TopicReader.await(EventType.APP_LEVEL_CHANGED, app);
        assertThat(changed.key()).isEqualTo(app.toString());
        assertThat(changed.header("ce_source")).isEqualTo("/registry-service");
        AppLevelChanged payload = changed.payload(AppLevelChanged.class);
        assertThat(payload.fromLevel()).isNull();
        assertThat(payload.effectiveLevel()).isEqualTo(Level.M1);
        assertThat(payload.organizationId()).isEqualTo("medisoft");
        assertThat(payload.causeEventId()).isEqualTo(m1);
        assertThat(payload.causeEventType()).isEqualTo(EventType.M1_GRANTED.ceType());

        // M3 before M2: the grant is kept, but the run from M1 is broken at M2.
        fixtures.feed(m3Granted(app));
        assertThat(fixtures.level(app)).isEqualTo(Level.M1);
        fixtures.feed(m2Granted(app));
        assertThat(fixtures.level(app)).isEqualTo(Level.M3);

        String revoked = fixtures.feed(new M1Events.M1Revoked(app, null, "certificate withdrawn by the notified body",
                "fiona", Instant.now()));
        assertThat(fixtures.level(app)).isNull();
        // Formerly listed: its public record stays, with the day and why it left.
        given().when().get("/api/v1/apps/" + app).then().statusCode(200)
                .body("listed", equalTo(false)).body("level", nullValue())
                .body("delistedOn", equalTo(PlatformCalendar.dayOf(Instant.now()).toString()))
                .body("delistingReason", equalTo("M1_REVOKED"));

        fixtures.feed(m1Granted(app, UUID.randomUUID(), LocalDate.now().plusYears(3)));
        assertThat(fixtures.level(app)).isEqualTo(Level.M3);
        given().when().get("/api/v1/apps/" + app).then().statusCode(200)
                .body("listed", equalTo(true)).body("level", equalTo("M3"))
                .body("delistedOn", nullValue()).body("delistingReason", nullValue());

        given().when().get("/api/v1/apps/" + app + "/history")
                .then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.toLevel", contains("M1", "M3", null, "M3"))
                .body("items[0].fromLevel", nullValue())
                .body("items[0].actor", equalTo("FAMHP"))
                .body("items[0].causeEventId", equalTo(m1))
                .body("items[1].causeEventType", equalTo(EventType.M2_GRANTED.ceType()))
                .body("items[1].actor", equalTo("eHealth platform"))
                .body("items[2].causeEventId", equalTo(revoked))
                .body("items[2].reason", equalTo("M1 revoked: certificate withdrawn by the notified body"))
                .body("items[2].delistingReason", equalTo("M1_REVOKED"))
                .body("items[3].delistingReason", nullValue())
                .body("items[3].fromLevel", nullValue());

        TopicReader.await(EventType.APP_LEVEL_CHANGED.topic().topicName(),
                e -> app.toString().equals(e.key()) && EventType.APP_LEVEL_CHANGED.ceType().equals(e.ceType())
                        && e.payload(AppLevelChanged.class).effectiveLevel() == null
                        && e.payload(AppLevelChanged.class).fromLevel() == Level.M3);
    }

    @Test
    void theAppShowsTheFactsOfItsLevels() {
        UUID app = fixtures.create(body("Facts"), "medisoft");
        LocalDate expiry = LocalDate.now().plusDays(30);
        fixtures.feed(m1Granted(app, UUID.randomUUID(), expiry));
        fixtures.feed(m2Granted(app));
        fixtures.feed(m3Granted(app));

        given().when().get("/api/v1/apps/" + app)
                .then().statusCode(200)
                .body("level", equalTo("M3"))
                .body("facts.m1.deviceClass", equalTo("IIa"))
                .body("facts.m1.regulation", equalTo("MDR 2017/745"))
                .body("facts.m1.certificateExpiresOn", equalTo(expiry.toString()))
                .body("facts.m1.certificateValid", equalTo(true))
                .body("facts.m2.criteriaMet", contains("AUTHENTICATION", "SECURITY"))
                .body("facts.m3.kind", equalTo("TEMPORARY"))
                .body("facts.m3.nomenclatureCode", equalTo("790012"))
                .body("facts.m3.amount", equalTo(45.5f));

        // Past the expiry date (before the M1 service's expiry event arrives) the certificate shows as invalid.
        clock.advance(Duration.ofDays(31));
        given().when().get("/api/v1/apps/" + app)
                .then().statusCode(200).body("facts.m1.certificateValid", equalTo(false));

        fixtures.feed(new M3Events.M3Ended(app, null, LocalDate.now(), "temporary period over", "nina",
                Instant.now()));
        assertThat(fixtures.level(app)).isEqualTo(Level.M2);
        // An expiry from a producer that did not yet send reason and decidedBy: the producing service is the actor.
        fixtures.feed(new M1Events.M1Expired(app, null, expiry, null, null, Instant.now()));
        assertThat(fixtures.level(app)).isNull();
        LevelGrant m1 = QuarkusTransaction.requiringNew().call(() -> grants.find(app, Level.M1).orElseThrow());
        assertThat(m1.active).isFalse();
        assertThat(m1.endReason).isNull();
        assertThat(m1.endSummary()).isEqualTo("M1 certificate expired on " + expiry);
        assertThat(m1.endedBy).isEqualTo("m1-ce-service");
    }

    @Test
    void anExpiryFamhpEstablishedKeepsWhoAndWhy() {
        UUID app = fixtures.create(body("Expired early"), "medisoft");
        UUID dossier = UUID.randomUUID();
        fixtures.feed(m1Granted(app, dossier, LocalDate.now().plusYears(2)));
        LocalDate lastValidDay = LocalDate.now().minusDays(3);
        fixtures.feed(new M1Events.M1Expired(app, dossier, lastValidDay, "not renewed, per notified body 2797",
                "fiona", Instant.now()));

        assertThat(fixtures.level(app)).isNull();
        LevelGrant m1 = QuarkusTransaction.requiringNew().call(() -> grants.find(app, Level.M1).orElseThrow());
        assertThat(m1.active).isFalse();
        assertThat(m1.endedBy).isEqualTo("fiona");
        assertThat(m1.endReason).as("as FAMHP wrote it").isEqualTo("not renewed, per notified body 2797");
        assertThat(m1.endSummary())
                .isEqualTo("M1 certificate expired on " + lastValidDay + ": not renewed, per notified body 2797");
        given().when().get("/api/v1/apps/" + app).then().statusCode(200)
                .body("listed", equalTo(false)).body("delistingReason", equalTo("CERTIFICATE_EXPIRED"));
        given().when().get("/api/v1/apps/" + app + "/history").then().statusCode(200)
                .body("items[1].actor", equalTo("FAMHP"))
                .body("items[1].reason", equalTo("M1 certificate expired on " + lastValidDay
                        + ": not renewed, per notified body 2797"));
    }

    @Test
    void anEventSeenTwiceChangesNothing() {
        UUID app = fixtures.create(body("Duplicates"), "medisoft");
        String id = UUID.randomUUID().toString();
        M1Events.M1Granted granted = m1Granted(app, UUID.randomUUID(), LocalDate.now().plusYears(1));
        TopicReader.publish(id, granted);
        TopicReader.publish(id, granted);
        // A later event on the same partition: once it is processed, both copies before it were too.
        fixtures.feed(new M1Events.M1Rejected(app, UUID.randomUUID(), "a second dossier, rejected", "fiona",
                Instant.now()));

        assertThat(fixtures.level(app)).isEqualTo(Level.M1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> history.countForApp(app))).isEqualTo(1);
    }

    @Test
    void rejectionsAndEndsOfOtherDossiersChangeNoLevel() {
        UUID app = fixtures.create(body("Rejections"), "medisoft");
        fixtures.feed(new M1Events.M1Rejected(app, UUID.randomUUID(), "class not supported", "fiona", Instant.now()));
        assertThat(fixtures.level(app)).isNull();

        UUID dossier = UUID.randomUUID();
        fixtures.feed(m1Granted(app, dossier, LocalDate.now().plusYears(1)));
        fixtures.feed(m2Granted(app));
        fixtures.feed(new M1Events.M1Revoked(app, UUID.randomUUID(), "an older dossier", "fiona", Instant.now()));
        fixtures.feed(new M2Events.M2Rejected(app, UUID.randomUUID(), "missing FHIR profile", "eric", Instant.now()));
        fixtures.feed(new M3Events.M3Declined(app, UUID.randomUUID(), "no budget", "nina", Instant.now()));
        assertThat(fixtures.level(app)).isEqualTo(Level.M2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> history.forApp(app, 0, 10)))
                .extracting(c -> c.toLevel).containsExactly(Level.M1, Level.M2);

        fixtures.feed(new M2Events.M2Revoked(app, null, "security finding", "eric", Instant.now()));
        assertThat(fixtures.level(app)).isEqualTo(Level.M1);
    }

    @Test
    void decisionsForAnUnknownAppAreKeptWithoutBlockingTheConsumer() {
        UUID unknown = UUID.randomUUID();
        fixtures.feed(m1Granted(unknown, UUID.randomUUID(), LocalDate.now().plusYears(1)));
        fixtures.feed(new M1Events.M1Revoked(unknown, null, "gone", "fiona", Instant.now()));

        List<LevelGrant> kept = QuarkusTransaction.requiringNew().call(() -> grants.forApp(unknown));
        assertThat(kept).singleElement().satisfies(g -> assertThat(g.active).isFalse());

        UUID known = fixtures.create(body("After unknown"), "medisoft");
        fixtures.feed(m1Granted(known, UUID.randomUUID(), LocalDate.now().plusYears(1)));
        assertThat(fixtures.level(known)).isEqualTo(Level.M1);
    }
}
