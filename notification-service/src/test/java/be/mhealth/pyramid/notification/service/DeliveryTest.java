package be.mhealth.pyramid.notification.service;

import static be.mhealth.pyramid.notification.Fixtures.assertSigned;
import static be.mhealth.pyramid.notification.Fixtures.levelChanged;
import static be.mhealth.pyramid.notification.Fixtures.m1Granted;
import static be.mhealth.pyramid.notification.Fixtures.registered;
import static be.mhealth.pyramid.notification.Fixtures.stateChanged;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.RegistryEvents.AppWithdrawnFromMarket;
import be.mhealth.pyramid.events.RegistryEvents.MarketWithdrawalReason;
import be.mhealth.pyramid.notification.Fixtures;
import be.mhealth.pyramid.notification.Fixtures.Subscribed;
import be.mhealth.pyramid.notification.Receiver;
import be.mhealth.pyramid.notification.TestHostResolver;
import be.mhealth.pyramid.notification.domain.Audience;
import be.mhealth.pyramid.notification.domain.Authority;
import be.mhealth.pyramid.notification.domain.Delivery;
import be.mhealth.pyramid.notification.domain.DeliveryStatus;
import be.mhealth.pyramid.notification.domain.SubscriptionStatus;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.MovableClock;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Deliveries end to end inside the service: events written to the real broker as their producers write them, a real
 * HTTP receiver on 127.0.0.1 (allow-listed in tests), the database-backed queue and its worker.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DeliveryTest {

    static final Audience MEDISOFT = Audience.vendor("medisoft");
    static Receiver receiver;

    @Inject
    Fixtures fixtures;

    @Inject
    MovableClock clock;

    @BeforeAll
    static void startReceiver() {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @AfterEach
    void clean() {
        fixtures.clear();
    }

    static JsonPath json(Receiver.Request request) {
        return new JsonPath(request.body());
    }

    static boolean about(Receiver.Request request, UUID app) {
        return request.body().contains(app.toString());
    }

    @Test
    void aVendorReceivesItsOwnAppsEventsSignedAsStandardWebhooks() {
        Subscribed medisoft = fixtures.subscribe(MEDISOFT, receiver.url("/signed"), "registry.app.registered",
                "m1.granted");
        Subscribed carelab = fixtures.subscribe(Audience.vendor("carelab"), receiver.url("/carelab"),
                "registry.app.registered", "m1.granted");
        UUID app = UUID.randomUUID();
        TopicWriter.event(registered(app, "medisoft")).send();
        TopicWriter granted = TopicWriter.event(m1Granted(app));
        granted.send();

        List<Receiver.Request> requests = receiver.await("/signed", 2);
        requests.forEach(r -> assertSigned(r, medisoft.secret()));
        assertThat(requests).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates();
        JsonPath first = json(requests.get(0));
        assertThat(first.getString("type")).isEqualTo("registry.app.registered");
        assertThat(first.getString("data.appId")).isEqualTo(app.toString());
        assertThat(first.getString("data.organizationId")).isEqualTo("medisoft");
        assertThat(first.getString("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonPath second = json(requests.get(1));
        assertThat(second.getString("type")).isEqualTo("m1.granted");
        assertThat(second.getString("data.deviceClass")).isEqualTo("IIa");
        assertThat(second.getString("data.decidedBy")).as("the authority, never the person").isEqualTo("FAMHP");
        assertThat(requests.get(1).body()).doesNotContain("fiona");
        assertThat(requests.get(1).header("user-agent")).startsWith("Pyramid-Webhooks/");

        Delivery delivered = fixtures.awaitDelivery(medisoft.id(), d -> d.status() == DeliveryStatus.SUCCEEDED
                && d.eventType().equals("m1.granted"));
        assertThat(delivered.id().toString()).isEqualTo(requests.get(1).header("webhook-id"));
        assertThat(delivered.eventId()).isEqualTo(granted.id());
        assertThat(delivered.attempts()).isEqualTo(1);
        assertThat(delivered.lastResponseStatus()).isEqualTo(204);
        assertThat(fixtures.deliveries(carelab.id())).as("another organization's app").isEmpty();
    }

    @Test
    void authoritiesReceiveTheirLevelButNeverADraft() {
        Subscribed famhp = fixtures.subscribe(Audience.authority(Authority.FAMHP), receiver.url("/famhp"),
                "m1.granted", "m1.dossier-state-changed", "registry.app.level-changed");
        Subscribed nihdi = fixtures.subscribe(Audience.authority(Authority.NIHDI), receiver.url("/nihdi"),
                "registry.app.level-changed");
        Subscribed vendor = fixtures.subscribe(MEDISOFT, receiver.url("/vendor"), "m1.dossier-state-changed");
        UUID app = UUID.randomUUID();
        TopicWriter.event(registered(app, "medisoft")).send();
        TopicWriter.event(stateChanged(app, "medisoft", Level.M1, null, "DRAFT", "CREATE", "VENDOR")).send();
        TopicWriter.event(stateChanged(app, "medisoft", Level.M1, "DRAFT", "SUBMITTED", "SUBMIT", "VENDOR")).send();
        TopicWriter.event(m1Granted(app)).send();
        TopicWriter.event(levelChanged(app, "medisoft", null, Level.M1)).send();

        List<Receiver.Request> toFamhp = receiver.await("/famhp", 3);
        assertThat(toFamhp).extracting(r -> json(r).getString("type")).containsExactlyInAnyOrder(
                "m1.dossier-state-changed", "m1.granted", "registry.app.level-changed");
        assertThat(toFamhp).filteredOn(r -> json(r).getString("type").startsWith("m1."))
                .extracting(r -> json(r).getString("type"))
                .containsExactly("m1.dossier-state-changed", "m1.granted");
        assertThat(toFamhp).noneMatch(r -> r.body().contains("\"to\":\"DRAFT\""));
        toFamhp.forEach(r -> assertSigned(r, famhp.secret()));
        assertThat(receiver.await("/vendor", 2)).extracting(r -> json(r).getString("data.to"))
                .containsExactly("DRAFT", "SUBMITTED");

        // M2 → M3 concerns NIHDI, not FAMHP
        TopicWriter.event(levelChanged(app, "medisoft", Level.M2, Level.M3)).send();
        assertThat(receiver.await("/nihdi", 1)).extracting(r -> json(r).getString("data.effectiveLevel"))
                .containsExactly("M3");
        assertThat(fixtures.deliveries(famhp.id())).hasSize(3);
        assertThat(fixtures.deliveries(nihdi.id())).hasSize(1);
        assertThat(fixtures.deliveries(vendor.id())).hasSize(2);
    }

    @Test
    void aVendorIsToldOfEveryDossierStateChangeOfEveryLevelAndEveryLevelChangeAndNoPersonIsNamed() {
        Subscribed subscription = fixtures.subscribe(MEDISOFT, receiver.url("/climb"), "m1.dossier-state-changed",
                "m2.dossier-state-changed", "m3.dossier-state-changed", "m1.granted", "registry.app.level-changed",
                "registry.app.withdrawn-from-market");
        UUID app = UUID.randomUUID();
        TopicWriter.event(registered(app, "medisoft")).send();
        TopicWriter.event(stateChanged(app, "medisoft", Level.M1, null, "DRAFT", "CREATE", "VENDOR")).send();
        TopicWriter.event(stateChanged(app, "medisoft", Level.M1, "DRAFT", "SUBMITTED", "SUBMIT", "VENDOR")).send();
        TopicWriter.event(stateChanged(app, "medisoft", Level.M1, "SUBMITTED", "APPROVED", "APPROVE", "AUTHORITY"))
                .send();
        TopicWriter.event(m1Granted(app)).send();
        TopicWriter.event(levelChanged(app, "medisoft", null, Level.M1)).send();
        TopicWriter.event(stateChanged(app, "medisoft", Level.M2, "SUBMITTED", "TESTED", "RECORD_TEST", "TEST_CENTRE"))
                .send();
        TopicWriter.event(levelChanged(app, "medisoft", Level.M1, Level.M2)).send();
        TopicWriter.event(stateChanged(app, "medisoft", Level.M3, "SUBMITTED", "ADMISSIBLE", "CHECK", "SYSTEM"))
                .send();
        TopicWriter.event(levelChanged(app, "medisoft", Level.M2, Level.M3)).send();
        TopicWriter.event(new AppWithdrawnFromMarket(app, "medisoft", Level.M3, null,
                MarketWithdrawalReason.DISCONTINUED, "replaced by a new app", List.of(Level.M1, Level.M2, Level.M3),
                Instant.now())).send();
        TopicWriter.event(levelChanged(app, "medisoft", Level.M3, null)).send();

        List<Receiver.Request> requests = receiver.await("/climb", 11);
        requests.forEach(r -> assertSigned(r, subscription.secret()));
        assertThat(requests).extracting(r -> json(r).getString("type")).filteredOn(t -> t.endsWith("state-changed"))
                .containsExactlyInAnyOrder("m1.dossier-state-changed", "m1.dossier-state-changed",
                        "m1.dossier-state-changed", "m2.dossier-state-changed", "m3.dossier-state-changed");
        assertThat(requests).filteredOn(r -> json(r).getString("type").equals("m1.dossier-state-changed"))
                .extracting(r -> json(r).getString("data.to")).as("in order")
                .containsExactly("DRAFT", "SUBMITTED", "APPROVED");
        assertThat(requests).filteredOn(r -> json(r).getString("type").equals("registry.app.level-changed"))
                .extracting(r -> String.valueOf(json(r).getString("data.effectiveLevel"))).as("in order")
                .containsExactly("M1", "M2", "M3", "null");
        assertThat(requests).filteredOn(r -> json(r).getString("type").endsWith("dossier-state-changed"))
                .extracting(r -> json(r).getString("data.actedBy"))
                .allMatch(List.of("VENDOR", "AUTHORITY", "TEST_CENTRE", "SYSTEM")::contains);
        assertThat(requests).filteredOn(r -> json(r).getString("type").equals("registry.app.withdrawn-from-market"))
                .singleElement().satisfies(r -> assertThat(json(r).getList("data.endedGrants")).hasSize(3));
        assertThat(requests).as("no person's name").noneMatch(r -> r.body().contains("fiona"));
    }

    @Test
    void aFailedDeliveryIsRetriedWithTheSameWebhookIdAndGrowingDelays() {
        Subscribed subscription = fixtures.subscribe(MEDISOFT, receiver.url("/retry"), "registry.app.registered");
        receiver.answer("/retry", 500, 500, 503);
        TopicWriter.event(registered(UUID.randomUUID(), "medisoft")).send();

        Delivery failing = fixtures.awaitDelivery(subscription.id(), d -> d.attempts() >= 1);
        assertThat(failing.lastResponseStatus()).isEqualTo(500);
        assertThat(failing.lastError()).startsWith("HTTP 500: failure 500 xxx").hasSizeLessThan(400);
        List<Receiver.Request> attempts = receiver.await("/retry", 4);
        assertThat(attempts).extracting(r -> r.header("webhook-id")).containsOnly(failing.id().toString());
        attempts.forEach(r -> assertSigned(r, subscription.secret()));
        // 300 ms doubling (capped at 1 s in tests), ± 20 %
        long first = Duration.between(attempts.get(0).at(), attempts.get(1).at()).toMillis();
        long second = Duration.between(attempts.get(1).at(), attempts.get(2).at()).toMillis();
        long third = Duration.between(attempts.get(2).at(), attempts.get(3).at()).toMillis();
        assertThat(first).isGreaterThanOrEqualTo(200);
        assertThat(second).isGreaterThanOrEqualTo(450);
        // lower bounds only: a busy worker may start a retry late, never early
        assertThat(third).isGreaterThanOrEqualTo(750);
        Delivery delivered = fixtures.awaitDelivery(subscription.id(), d -> d.status() == DeliveryStatus.SUCCEEDED);
        assertThat(delivered.attempts()).isEqualTo(4);
        assertThat(delivered.lastError()).isNull();
    }

    @Test
    void anAppsLaterEventWaitsForItsEarlierOneWhileOtherAppsFlow() {
        Subscribed subscription = fixtures.subscribe(MEDISOFT, receiver.url("/order"), "registry.app.registered",
                "m1.granted");
        UUID slow = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        receiver.answerWhen("/order", slow.toString(), 500, 500);
        TopicWriter.event(registered(slow, "medisoft")).send();
        TopicWriter.event(m1Granted(slow)).send();
        TopicWriter.event(registered(other, "medisoft")).send();

        List<Receiver.Request> slowOnes = receiver.await("/order", 4, r -> about(r, slow));
        assertThat(slowOnes).extracting(r -> json(r).getString("type")).containsExactly("registry.app.registered",
                "registry.app.registered", "registry.app.registered", "m1.granted");
        Receiver.Request otherOne = receiver.await("/order", 1, r -> about(r, other)).get(0);
        assertThat(otherOne.at()).as("another app is not held up").isBefore(slowOnes.get(2).at());
        assertThat(fixtures.deliveries(subscription.id())).allMatch(d -> d.status() == DeliveryStatus.SUCCEEDED);
    }

    @Test
    @TestSecurity(user = "ada", roles = "platform-admin")
    void aDayOfFailuresPausesTheSubscriptionAndResumeAndReplaySendAgain() {
        Subscribed subscription = fixtures.subscribe(MEDISOFT, receiver.url("/down"), "registry.app.registered");
        receiver.answer("/down", 503, 503);
        UUID app = UUID.randomUUID();
        TopicWriter.event(registered(app, "medisoft")).send();
        fixtures.awaitDelivery(subscription.id(), d -> d.attempts() == 1);
        assertThat(fixtures.subscription(subscription.id()).status()).isEqualTo(SubscriptionStatus.ACTIVE);

        clock.advance(Duration.ofHours(25));
        Delivery givenUp = fixtures.awaitDelivery(subscription.id(), d -> d.status() == DeliveryStatus.FAILED);
        assertThat(givenUp.attempts()).isEqualTo(2);
        assertThat(givenUp.nextAttemptAt()).isNull();
        String path = "/api/v1/webhooks/" + subscription.id();
        given().when().get(path).then().statusCode(200).body("status", equalTo("PAUSED"))
                .body("pause.automatic", equalTo(true))
                .body("pause.reason", org.hamcrest.Matchers.startsWith("paused automatically: every delivery "
                        + "attempt since"))
                .body("pause.reason", org.hamcrest.Matchers.containsString("HTTP 503"));

        // queued while paused, not sent; a replay of a pending delivery is refused
        UUID later = UUID.randomUUID();
        TopicWriter.event(registered(later, "medisoft")).send();
        Delivery queued = fixtures.awaitDelivery(subscription.id(), d -> later.equals(d.appId()));
        given().when().post(path + "/deliveries/" + queued.id() + "/replay").then().statusCode(409)
                .body("currentState", equalTo("PENDING"));
        given().when().get(path + "/deliveries?status=FAILED").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(givenUp.id().toString()))
                .body("items[0].lastResponseStatus", equalTo(503))
                .body("items[0].attempts", equalTo(2));
        assertThat(receiver.requests("/down")).hasSize(2);

        given().when().post(path + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"));
        assertThat(receiver.await("/down", 1, r -> about(r, later))).hasSize(1);
        given().when().post(path + "/deliveries/" + givenUp.id() + "/replay").then().statusCode(202)
                .body("status", equalTo("PENDING")).body("id", equalTo(givenUp.id().toString()));
        List<Receiver.Request> again = receiver.await("/down", 3, r -> about(r, app));
        assertThat(again).extracting(r -> r.header("webhook-id")).containsOnly(givenUp.id().toString());
        Delivery replayed = fixtures.awaitDelivery(subscription.id(), d -> d.id().equals(givenUp.id())
                && d.status() == DeliveryStatus.SUCCEEDED);
        assertThat(replayed.attempts()).isEqualTo(3);
    }

    @Test
    void aLevelsEventNoSubscriptionAsksForIsPassedOverUntilOneDoes() {
        Subscribed medisoft = fixtures.subscribe(MEDISOFT, receiver.url("/passed-over"), "m1.dossier-state-changed");
        UUID app = UUID.randomUUID();
        TopicWriter.event(registered(app, "medisoft")).send();
        // One partition (the app's key): the state changes on either side of the grant bracket its handling.
        TopicWriter before = TopicWriter.event(stateChanged(app, "medisoft", Level.M1, "DRAFT", "SUBMITTED", "SUBMIT",
                "VENDOR"));
        before.send();
        TopicWriter unheard = TopicWriter.event(m1Granted(app));
        unheard.send();
        TopicWriter after = TopicWriter.event(stateChanged(app, "medisoft", Level.M1, "SUBMITTED", "IN_REVIEW",
                "START_REVIEW", "AUTHORITY"));
        after.send();

        receiver.await("/passed-over", 2);
        assertThat(fixtures.processed(before.id())).isTrue();
        assertThat(fixtures.processed(after.id())).isTrue();
        assertThat(fixtures.processed(unheard.id())).as("nobody asked for m1.granted: no transaction, no trace")
                .isFalse();

        Subscribed famhp = fixtures.subscribe(Audience.authority(Authority.FAMHP), receiver.url("/heard"),
                "m1.granted");
        TopicWriter heard = TopicWriter.event(m1Granted(app));
        heard.send();
        assertThat(json(receiver.await("/heard", 1).get(0)).getString("type")).isEqualTo("m1.granted");
        assertThat(fixtures.processed(heard.id())).isTrue();
        assertThat(fixtures.deliveries(famhp.id())).extracting(Delivery::eventId).containsExactly(heard.id());
        assertThat(fixtures.deliveries(medisoft.id())).extracting(Delivery::eventType)
                .containsOnly("m1.dossier-state-changed");
    }

    @Test
    void aStoppedDatabaseWhileAskingWhoSubscribedIsWaitedFor() {
        Subscribed famhp = fixtures.subscribe(Audience.authority(Authority.FAMHP), receiver.url("/database-restart"),
                "m1.granted");
        PostgresResource.stopServer();
        try {
            TopicWriter.event(m1Granted(UUID.randomUUID())).send();
            sleep(Duration.ofSeconds(2));
        } finally {
            PostgresResource.startServer();
        }

        assertThat(json(receiver.await("/database-restart", 1).get(0)).getString("type")).isEqualTo("m1.granted");
        assertThat(fixtures.deliveries(famhp.id())).hasSize(1);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void redirectsAreNotFollowed() {
        Subscribed subscription = fixtures.subscribe(MEDISOFT, receiver.url("/redirect"), "registry.app.registered");
        receiver.answer("/redirect", 302);
        TopicWriter.event(registered(UUID.randomUUID(), "medisoft")).send();
        Delivery failed = fixtures.awaitDelivery(subscription.id(), d -> d.attempts() >= 1);
        assertThat(failed.lastResponseStatus()).isEqualTo(302);
        assertThat(failed.lastError()).contains("a redirect to http://127.0.0.1:" + receiver.port() + "/elsewhere")
                .contains("not followed");
        fixtures.awaitDelivery(subscription.id(), d -> d.status() == DeliveryStatus.SUCCEEDED);
        assertThat(receiver.requests("/elsewhere")).isEmpty();
    }

    @Test
    void aHostResolvingToANonPublicAddressIsRefusedAtEachDelivery() {
        TestHostResolver.answer("rebind.test", "10.0.0.7");
        TestHostResolver.answer("mixed.test", "127.0.0.1", "169.254.169.254");
        TestHostResolver.answer("pinned.test", "127.0.0.1");
        int port = receiver.port();
        Subscribed rebind = fixtures.subscribe(MEDISOFT, "http://rebind.test:" + port + "/rebind",
                "registry.app.registered");
        Subscribed mixed = fixtures.subscribe(MEDISOFT, "http://mixed.test:" + port + "/mixed",
                "registry.app.registered");
        Subscribed pinned = fixtures.subscribe(MEDISOFT, "http://pinned.test:" + port + "/pinned",
                "registry.app.registered");
        TopicWriter.event(registered(UUID.randomUUID(), "medisoft")).send();

        assertThat(fixtures.awaitDelivery(rebind.id(), d -> d.attempts() >= 1).lastError()).isEqualTo(
                "refused: rebind.test resolves to 10.0.0.7, a private address; webhooks go to public addresses only");
        assertThat(fixtures.awaitDelivery(mixed.id(), d -> d.attempts() >= 1).lastError())
                .contains("169.254.169.254, a link-local address");
        Receiver.Request delivered = receiver.await("/pinned", 1).get(0);
        assertThat(delivered.header("host")).isEqualTo("pinned.test:" + port);
        assertSigned(delivered, pinned.secret());
        assertThat(receiver.requests("/rebind")).isEmpty();
        assertThat(receiver.requests("/mixed")).isEmpty();
    }

    @Test
    void deliveriesToOneSubscriptionAreCappedWhileInProgress() {
        Subscribed subscription = fixtures.subscribe(MEDISOFT, receiver.url("/slow"), "registry.app.registered");
        receiver.delay("/slow", Duration.ofMillis(400));
        for (int i = 0; i < 6; i++) {
            TopicWriter.event(registered(UUID.randomUUID(), "medisoft")).send();
        }
        receiver.await("/slow", 6);
        assertThat(receiver.mostInProgress("/slow")).as("the test cap is 2").isEqualTo(2);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> fixtures.deliveries(subscription.id()).stream()
                .allMatch(d -> d.status() == DeliveryStatus.SUCCEEDED));
    }

    @Test
    void aDecisionForAnAppNotKnownYetReachesTheVendorAfterItsRegistryEvent() {
        Subscribed vendor = fixtures.subscribe(MEDISOFT, receiver.url("/held"), "registry.app.registered",
                "m1.granted");
        Subscribed famhp = fixtures.subscribe(Audience.authority(Authority.FAMHP), receiver.url("/held-famhp"),
                "m1.granted");
        UUID app = UUID.randomUUID();
        TopicWriter.event(m1Granted(app)).send();
        receiver.await("/held-famhp", 1);
        assertThat(fixtures.deliveries(vendor.id())).isEmpty();

        TopicWriter.event(registered(app, "medisoft")).send();
        assertThat(receiver.await("/held", 2)).extracting(r -> json(r).getString("type"))
                .containsExactly("registry.app.registered", "m1.granted");
        assertThat(fixtures.deliveries(famhp.id())).hasSize(1);
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void aTestDeliveryIsSignedWithTheSecretTheOwnerWasGiven() {
        JsonPath created = given().contentType(ContentType.JSON).body(java.util.Map.of("url", receiver.url("/ping"),
                "events", List.of("m1.granted"))).when().post("/api/v1/webhooks").then().statusCode(201)
                .extract().jsonPath();
        String path = "/api/v1/webhooks/" + created.getString("id");
        var accepted = given().when().post(path + "/test").then().statusCode(202)
                .body("type", equalTo("webhook.ping")).extract();
        String delivery = accepted.path("id");
        assertThat(accepted.header("Location")).endsWith(path + "/deliveries/" + delivery);
        Receiver.Request ping = receiver.await("/ping", 1).get(0);
        assertSigned(ping, be.mhealth.pyramid.notification.domain.SigningSecret.parse(created.getString("secret")));
        assertThat(ping.header("webhook-id")).isEqualTo(delivery);
        assertThat(json(ping).getString("type")).isEqualTo("webhook.ping");
        assertThat(json(ping).getString("data.subscriptionId")).isEqualTo(created.getString("id"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when()
                .get(path + "/deliveries/" + delivery).then().statusCode(200).body("status", equalTo("SUCCEEDED"))
                .body("attempts", equalTo(1)));
    }
}
