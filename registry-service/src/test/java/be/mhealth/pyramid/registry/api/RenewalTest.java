package be.mhealth.pyramid.registry.api;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 15: a renewed M1 grant replaces the old one in one step (the app keeps M3, no history row, the new
 * certificate's facts), a late end event of the replaced dossier changes nothing, and an extension moves the expiry.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class RenewalTest {

    @Inject
    RegistryFixtures fixtures;

    @Test
    void aRenewalKeepsTheAppAtItsLevelAndALateEndOfTheOldDossierChangesNothing() {
        UUID app = fixtures.create(body("Renewed app"), "medisoft");
        UUID first = UUID.randomUUID();
        fixtures.feed(RegistryFixtures.m1Granted(app, first, LocalDate.now().plusDays(20)));
        fixtures.feed(RegistryFixtures.m2Granted(app));
        fixtures.feed(RegistryFixtures.m3Granted(app));
        long historyBefore = fixtures.count("select count(*) from level_change where app_id = ?1", app);

        UUID renewal = UUID.randomUUID();
        LocalDate renewedUntil = LocalDate.now().plusYears(4);
        fixtures.feed(new M1Events.M1Granted(app, renewal, "MDR 2017/745", "IIa", "CE-RENEWED", renewedUntil, "fiona",
                Instant.now(), "0123", "CONSENT", "EU_EEA", null, null, "dpo@example.be", "https://example.be/privacy",
                first));
        assertThat(fixtures.level(app)).isEqualTo(Level.M3);
        assertThat(fixtures.count("select count(*) from level_change where app_id = ?1", app))
                .as("no level change, no history row").isEqualTo(historyBefore);
        given().when().get("/api/v1/apps/" + app).then().statusCode(200)
                .body("level", equalTo("M3"))
                .body("facts.m1.certificateNumber", equalTo("CE-RENEWED"))
                .body("facts.m1.certificateExpiresOn", equalTo(renewedUntil.toString()));

        // the replaced dossier's grant can no longer end the level
        fixtures.feed(new M1Events.M1Expired(app, first, LocalDate.now().minusDays(1), "its expiry date passed",
                "m1-ce-service", Instant.now()));
        assertThat(fixtures.level(app)).isEqualTo(Level.M3);

        // an extension of the renewed certificate moves its expiry date; one of another dossier is ignored
        LocalDate extendedUntil = renewedUntil.plusMonths(6);
        fixtures.feed(new M1Events.M1CertificateExtended(app, UUID.randomUUID(), renewedUntil, extendedUntil.plusYears(1),
                "Regulation (EU) 2023/607", "wrong dossier", "fiona", Instant.now()));
        fixtures.feed(new M1Events.M1CertificateExtended(app, renewal, renewedUntil, extendedUntil,
                "Regulation (EU) 2023/607", "notified body's confirmation", "fiona", Instant.now()));
        given().when().get("/api/v1/apps/" + app).then().statusCode(200)
                .body("level", equalTo("M3"))
                .body("facts.m1.certificateExpiresOn", equalTo(extendedUntil.toString()));
        assertThat(fixtures.count("select count(*) from level_change where app_id = ?1", app))
                .isEqualTo(historyBefore);
    }
}
