package be.mhealth.pyramid.registry.messaging;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static be.mhealth.pyramid.registry.RegistryFixtures.m1Granted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.registry.RegistryFixtures.Parked;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * How the registry's consumer tells failures apart: one that will pass (a lock timeout, a stopped database) is retried
 * until the event applies; one that will not (data too long) parks the event, holds the app's later decisions behind
 * it, and lets every other app's decisions through. An operator's retry or discard releases the held ones in order.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestSecurity(user = "ada", roles = "platform-admin")
class InboxFailuresTest {

    /** Health details and metrics are on the management interface (a port of its own). */
    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    private String management(String path) {
        return managementUrl.getProtocol() + "://" + managementUrl.getHost() + ":" + managementUrl.getPort() + path;
    }

    static final String ADMIN = "/api/v1/admin/registry/parked-events";
    /**
     * Storage narrower than the contract's reasons (as the registry's was before it held every limit): a trigger
     * assigns each new end reason to a varchar(10), which fails with PostgreSQL's own "value too long" (SQLState
     * 22001), without touching the rows other tests wrote.
     */
    static final List<String> NARROW = List.of("""
            create or replace function narrow_end_reason() returns trigger language plpgsql as $$
            declare narrow varchar(10);
            begin narrow = new.end_reason; return new; end $$""", """
            create trigger narrow_end_reason before insert or update on level_grant
            for each row execute function narrow_end_reason()""");
    static final List<String> WIDE = List.of("drop trigger narrow_end_reason on level_grant");

    @Inject
    RegistryFixtures fixtures;

    @Inject
    EntityManager em;

    private UUID appAtM1(String name, UUID dossier) {
        UUID app = fixtures.create(body(name), "medisoft");
        fixtures.feed(m1Granted(app, dossier, LocalDate.now().plusYears(2)));
        assertThat(fixtures.level(app)).isEqualTo(Level.M1);
        return app;
    }

    private static M1Events.M1Revoked revoked(UUID app, UUID dossier, String reason) {
        return new M1Events.M1Revoked(app, dossier, reason, "fiona", Instant.now());
    }

    private List<Object> history(UUID app) {
        return given().when().get("/api/v1/apps/" + app + "/history").then().statusCode(200).extract()
                .path("items.toLevel");
    }

    @Test
    void aDecisionTheRegistryCannotStoreIsParkedItsAppsLaterOnesAreHeldAndOtherAppsFlow() {
        UUID first = UUID.randomUUID();
        UUID app = appAtM1("Narrow storage", first);
        UUID other = fixtures.create(body("Unaffected"), "medisoft");

        NARROW.forEach(fixtures::sql);
        List<Parked> parked;
        try {
            TopicWriter.event(revoked(app, first, "certificate suspended by the notified body")).send();
            TopicWriter.event(m1Granted(app, UUID.randomUUID(), LocalDate.now().plusYears(3))).send();
            fixtures.feed(m1Granted(other, UUID.randomUUID(), LocalDate.now().plusYears(2)));
            assertThat(fixtures.level(other)).as("another app's decision, sent after both").isEqualTo(Level.M1);

            parked = fixtures.awaitParked(app, 2);
            assertThat(parked.get(0).status()).isEqualTo("PARKED");
            assertThat(parked.get(0).errorMessage()).contains("value too long");
            assertThat(parked.get(0).attempts()).as("a permanent failure is not retried").isEqualTo(1);
            assertThat(parked.get(1).status()).isEqualTo("HELD");
            assertThat(parked.get(1).blockedBy()).isEqualTo(parked.get(0).id());
            assertThat(fixtures.level(app)).as("nothing after the parked revocation applied").isEqualTo(Level.M1);
        } finally {
            WIDE.forEach(fixtures::sql);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get(management("/q/metrics"))
                .then().statusCode(200).body(org.hamcrest.Matchers.matchesPattern("(?s).*pyramid_parked_events\\{"
                        + "service=\"registry-service\",status=\"PARKED\",topic=\"m1.decisions.v1\"} [1-9].*")));

        given().when().post(ADMIN + "/" + parked.get(0).id() + "/retry").then().statusCode(200)
                .body("event.status", equalTo("APPLIED"))
                .body("event.resolvedBy", equalTo("ada"))
                .body("released", contains((int) parked.get(1).id()))
                .body("blockedBy", nullValue());

        assertThat(history(app)).as("the revocation, then the new grant, in order").containsExactly("M1", null, "M1");
        assertThat(fixtures.level(app)).isEqualTo(Level.M1);
        assertThat(fixtures.parked(app)).extracting(Parked::status).containsExactly("APPLIED", "APPLIED");
        given().when().get("/api/v1/apps/" + app + "/history").then()
                .body("items[1].reason", equalTo("M1 revoked: certificate suspended by the notified body"));
    }

    @Test
    void aDiscardReleasesTheHeldOnesInOrderAndOneThatFailsInTurnBecomesTheNewBlocker() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID app = appAtM1("Chain of decisions", first);

        NARROW.forEach(fixtures::sql);
        List<Parked> parked;
        try {
            TopicWriter.event(revoked(app, first, "sent twice by mistake")).send();
            TopicWriter.event(m1Granted(app, second, LocalDate.now().plusYears(3))).send();
            TopicWriter.event(revoked(app, second, "certificate withdrawn")).send();
            TopicWriter.event(m1Granted(app, UUID.randomUUID(), LocalDate.now().plusYears(4))).send();
            parked = fixtures.awaitParked(app, 4);
            assertThat(parked).extracting(Parked::status).containsExactly("PARKED", "HELD", "HELD", "HELD");

            given().when().post(ADMIN + "/" + parked.get(3).id() + "/retry").then().statusCode(409)
                    .contentType("application/problem+json").body("currentState", equalTo("HELD"))
                    .body("type", equalTo("https://pyramid.mhealth.be/problems/held-behind"));

            given().contentType(ContentType.JSON).body(Map.of("reason", "the notified body confirmed it was an error"))
                    .when().post(ADMIN + "/" + parked.get(0).id() + "/discard").then().statusCode(200)
                    .body("event.status", equalTo("DISCARDED"))
                    .body("event.discardReason", equalTo("the notified body confirmed it was an error"))
                    .body("released", contains((int) parked.get(1).id()))
                    .body("blockedBy", equalTo((int) parked.get(2).id()));
        } finally {
            WIDE.forEach(fixtures::sql);
        }
        assertThat(fixtures.parked(app)).extracting(Parked::status)
                .containsExactly("DISCARDED", "APPLIED", "PARKED", "HELD");
        assertThat(fixtures.parked(app).get(3).blockedBy()).isEqualTo(parked.get(2).id());
        assertThat(fixtures.parked(app).get(0).resolvedBy()).isEqualTo("ada");
        assertThat(fixtures.level(app)).as("the second grant applied").isEqualTo(Level.M1);

        given().when().post(ADMIN + "/" + parked.get(2).id() + "/retry").then().statusCode(200)
                .body("released", contains((int) parked.get(3).id()));
        assertThat(history(app)).containsExactly("M1", null, "M1");
        assertThat(fixtures.parked(app)).extracting(Parked::status)
                .containsExactly("DISCARDED", "APPLIED", "APPLIED", "APPLIED");
    }

    @Test
    void aLockTimeoutIsRetriedNotParked() throws Exception {
        UUID app = fixtures.create(body("Locked row"), "medisoft");
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    em.createNativeQuery("select id from app where id = ?1 for update").setParameter(1, app)
                            .getResultList();
                    locked.countDown();
                    sleep(Duration.ofSeconds(3));
                }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        TopicWriter.event(m1Granted(app, UUID.randomUUID(), LocalDate.now().plusYears(2))).send();
        Awaitility.await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> fixtures.level(app) == null);
        holder.get(10, TimeUnit.SECONDS);

        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> fixtures.level(app) == Level.M1);
        assertThat(fixtures.parked(app)).isEmpty();
    }

    @Test
    void aStoppedDatabaseIsWaitedForNotParked() {
        UUID app = fixtures.create(body("Database restart"), "medisoft");

        PostgresResource.stopServer();
        try {
            TopicWriter.event(m1Granted(app, UUID.randomUUID(), LocalDate.now().plusYears(2))).send();
            sleep(Duration.ofSeconds(2));
        } finally {
            PostgresResource.startServer();
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> fixtures.level(app) == Level.M1);
        assertThat(fixtures.parked(app)).isEmpty();
        given().when().get("/q/health/live").then().statusCode(200);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
