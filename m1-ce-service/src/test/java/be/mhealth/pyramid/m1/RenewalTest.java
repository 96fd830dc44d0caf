package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.m1.service.AttachmentService;
import be.mhealth.pyramid.m1.service.CertificateExpiryJob;
import be.mhealth.pyramid.support.outbox.OutboxRepository;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.MovableClock;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * After the first grant (issue 15): a renewal opened while the grant stands replaces it on approval in one step (one
 * m1.granted naming the dossier it replaces), also when the old certificate expired meanwhile; FAMHP extends a
 * certificate's validity on a legal basis; the expiry warnings come once at 90 and at 30 days, and FAMHP lists the
 * grants expiring soon. The steps run in order, one actor each.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RenewalTest {

    private static final String DOSSIERS = "/api/v1/m1/dossiers";

    static M1Dossier grant;
    static String renewal;
    static M1Dossier lapsing;
    static String lateRenewal;

    @Inject
    M1Fixtures data;

    @Inject
    MovableClock clock;

    @Inject
    CertificateExpiryJob job;

    @Inject
    OutboxRepository outbox;

    @AfterAll
    static void resetClock() {
        Arc.container().instance(MovableClock.class).get().reset();
    }

    @Test
    @Order(1)
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void whileAGrantStandsTheSamePostOpensItsRenewal() {
        LocalDate today = PlatformCalendar.today(clock);
        grant = data.dossier("medisoft", M1DossierState.APPROVED, today.plusDays(60));
        renewal = openAndSubmit(grant.appId(), today.plusYears(3));
        given().when().get(DOSSIERS + "/" + renewal).then().statusCode(200)
                .body("renewalOf", equalTo(grant.id().toString()))
                .body("state", equalTo("SUBMITTED"));
        JsonPath history = given().when().get(DOSSIERS + "/" + renewal + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getString("items[0].reason")).contains("renewal of dossier " + grant.id());

        // one open dossier per app, renewal or not
        given().contentType(ContentType.JSON).body(data.body(grant.appId())).when().post(DOSSIERS)
                .then().statusCode(409).body("currentState", equalTo("SUBMITTED"));
        // a first dossier is no renewal
        UUID fresh = data.app("medisoft");
        given().contentType(ContentType.JSON).body(data.body(fresh)).when().post(DOSSIERS)
                .then().statusCode(201).body("renewalOf", nullValue());
    }

    @Test
    @Order(2)
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void aRenewalsCertificateMustOutlastTheOneItRenews() {
        M1Dossier other = data.dossier("medisoft", M1DossierState.APPROVED, data.today().plusDays(200));
        Map<String, Object> body = data.body(other.appId());
        M1Fixtures.certificateOf(body).put("expiresOn", PlatformCalendar.today(clock).plusDays(100).toString());
        given().contentType(ContentType.JSON).body(body).when().post(DOSSIERS)
                .then().statusCode(422).body("errors.field", hasItem("certificate.expiresOn"));
        assertThat(data.reload(other.id()).state()).isEqualTo(M1DossierState.APPROVED);
    }

    @Test
    @Order(3)
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void approvingTheRenewalReplacesTheGrantInOneStep() {
        given().contentType(ContentType.JSON).body(Map.of("outcome", "APPROVED"))
                .when().post(DOSSIERS + "/" + renewal + "/decision")
                .then().statusCode(200).body("state", equalTo("APPROVED"));

        given().when().get(DOSSIERS + "/" + grant.id()).then().statusCode(200).body("state", equalTo("RENEWED"));
        JsonPath history = given().when().get(DOSSIERS + "/" + grant.id() + "/history").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> items = history.getList("items");
        Map<String, Object> last = items.get(items.size() - 1);
        assertThat(last).containsEntry("action", "RENEW").containsEntry("from", "APPROVED")
                .containsEntry("to", "RENEWED").containsEntry("actor", "fiona");
        assertThat((String) last.get("reason")).contains(renewal);

        M1Events.M1Granted granted = TopicReader.await(EventType.M1_GRANTED, grant.appId())
                .payload(M1Events.M1Granted.class);
        assertThat(granted.dossierId()).hasToString(renewal);
        assertThat(granted.replacesDossierId()).isEqualTo(grant.id());
        assertThat(outboxRows(EventType.M1_GRANTED, grant.appId())).as("one event for the replacement").isEqualTo(1);
        assertThat(outboxRows(EventType.M1_REVOKED, grant.appId()) + outboxRows(EventType.M1_EXPIRED, grant.appId()))
                .as("the old grant does not end on its own").isZero();
    }

    @Test
    @Order(4)
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void famhpExtendsACertificatesValidityOnALegalBasis() {
        LocalDate current = data.reload(UUID.fromString(renewal)).certificate().expiresOn();
        given().contentType(ContentType.JSON).body(Map.of("expiresOn", current.minusDays(1).toString(),
                "legalBasis", "Regulation (EU) 2023/607", "reason", "earlier"))
                .when().post(DOSSIERS + "/" + renewal + "/certificate-extension")
                .then().statusCode(422).body("errors.field", hasItem("expiresOn"));
        given().contentType(ContentType.JSON).body(Map.of("expiresOn", current.plusYears(1).toString(),
                "legalBasis", "Regulation (EU) 2023/607", "reason", "x".repeat(2001)))
                .when().post(DOSSIERS + "/" + renewal + "/certificate-extension")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("expiresOn", current.plusYears(1).toString(),
                "legalBasis", "Regulation (EU) 2023/607", "reason", "the renewed grant is no longer active"))
                .when().post(DOSSIERS + "/" + grant.id() + "/certificate-extension")
                .then().statusCode(409);

        given().contentType(ContentType.JSON).body(Map.of("expiresOn", current.plusYears(1).toString(),
                "legalBasis", "Regulation (EU) 2023/607", "reason", "the notified body confirmed the conditions"))
                .when().post(DOSSIERS + "/" + renewal + "/certificate-extension")
                .then().statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("certificate.expiresOn", equalTo(current.plusYears(1).toString()))
                .body("extension.previousExpiresOn", equalTo(current.toString()))
                .body("extension.legalBasis", equalTo("Regulation (EU) 2023/607"));
        JsonPath history = given().when().get(DOSSIERS + "/" + renewal + "/history").then().extract().jsonPath();
        assertThat(history.getList("items.action", String.class)).endsWith("EXTEND");

        M1Events.M1CertificateExtended extended = TopicReader.await(EventType.M1_CERTIFICATE_EXTENDED, grant.appId())
                .payload(M1Events.M1CertificateExtended.class);
        assertThat(extended.previousExpiresOn()).isEqualTo(current);
        assertThat(extended.certificateExpiresOn()).isEqualTo(current.plusYears(1));
        assertThat(extended.legalBasis()).isEqualTo("Regulation (EU) 2023/607");
    }

    @Test
    @Order(5)
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void expiryWarningsComeOnceAt90AndAt30DaysAndFamhpListsExpiringGrants() {
        clock.setToMidday(PlatformCalendar.ZONE);
        M1Dossier soon = data.dossier("medisoft", M1DossierState.APPROVED, PlatformCalendar.today(clock).plusDays(100));
        job.warnExpiringGrants();
        assertThat(outboxRows(EventType.M1_CERTIFICATE_EXPIRING, soon.appId())).isZero();

        clock.advance(Duration.ofDays(10));
        job.warnExpiringGrants();
        job.warnExpiringGrants();
        assertThat(outboxRows(EventType.M1_CERTIFICATE_EXPIRING, soon.appId())).as("90 days, once").isEqualTo(1);
        given().when().get(DOSSIERS + "/" + soon.id()).then().body("expiryWarning", equalTo("DAYS_90"));

        clock.advance(Duration.ofDays(59));
        job.warnExpiringGrants();
        assertThat(outboxRows(EventType.M1_CERTIFICATE_EXPIRING, soon.appId())).as("31 days left").isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        job.warnExpiringGrants();
        job.warnExpiringGrants();
        assertThat(outboxRows(EventType.M1_CERTIFICATE_EXPIRING, soon.appId())).as("30 days, once").isEqualTo(2);
        given().when().get(DOSSIERS + "/" + soon.id()).then().body("expiryWarning", equalTo("DAYS_30"));

        M1Events.M1CertificateExpiring warning = TopicReader.await(EventType.M1_CERTIFICATE_EXPIRING, soon.appId())
                .payload(M1Events.M1CertificateExpiring.class);
        assertThat(warning.organizationId()).isEqualTo("medisoft");
        assertThat(warning.certificateExpiresOn()).isEqualTo(soon.certificate().expiresOn());

        JsonPath queue = given().queryParam("expiringWithinDays", 30).queryParam("size", 100)
                .when().get("/api/v1/m1/review-queue").then().statusCode(200).extract().jsonPath();
        assertThat(queue.getList("items.dossierId", String.class)).contains(soon.id().toString());
        assertThat(queue.getList("items.state", String.class)).containsOnly("APPROVED");
        assertThat(queue.getString("items.find { it.dossierId == '" + soon.id() + "' }.dueDate"))
                .isEqualTo(soon.certificate().expiresOn().toString());
        given().queryParam("expiringWithinDays", 0).when().get("/api/v1/m1/review-queue")
                .then().statusCode(400).body("errors.field", hasItem("expiringWithinDays"));
        given().queryParam("expiringWithinDays", "soon").when().get("/api/v1/m1/review-queue")
                .then().statusCode(400);
        given().when().get("/api/v1/m1/review-queue").then().statusCode(200)
                .body("items.dossierId", not(hasItem(soon.id().toString())));
        clock.reset();
    }

    @Test
    @Order(6)
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void aRenewalOpenedBeforeTheOldCertificateLapses() {
        clock.setToMidday(PlatformCalendar.ZONE);
        lapsing = data.dossier("medisoft", M1DossierState.APPROVED, PlatformCalendar.today(clock).plusDays(5));
        lateRenewal = openAndSubmit(lapsing.appId(), PlatformCalendar.today(clock).plusYears(3));
    }

    @Test
    @Order(7)
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void isApprovedAfterItLapsedAndRestoresTheGrant() {
        clock.advance(Duration.ofDays(6));
        job.expireLapsedGrants();
        assertThat(data.reload(lapsing.id()).state()).isEqualTo(M1DossierState.EXPIRED);

        given().contentType(ContentType.JSON).body(Map.of("outcome", "APPROVED"))
                .when().post(DOSSIERS + "/" + lateRenewal + "/decision")
                .then().statusCode(200).body("state", equalTo("APPROVED"));
        assertThat(data.reload(lapsing.id()).state()).as("an ended grant stays ended").isEqualTo(M1DossierState.EXPIRED);
        M1Events.M1Granted granted = TopicReader.await(EventType.M1_GRANTED, lapsing.appId())
                .payload(M1Events.M1Granted.class);
        assertThat(granted.replacesDossierId()).isEqualTo(lapsing.id());
        clock.reset();
    }

    private String openAndSubmit(UUID appId, LocalDate expiresOn) {
        Map<String, Object> body = data.body(appId);
        M1Fixtures.certificateOf(body).put("expiresOn", expiresOn.toString());
        String id = given().contentType(ContentType.JSON).body(body).when().post(DOSSIERS)
                .then().statusCode(201).extract().path("id");
        given().multiPart("kind", "CE_CERTIFICATE")
                .multiPart("file", "ce-certificate.pdf", M1Fixtures.PDF, AttachmentService.PDF)
                .when().post(DOSSIERS + "/" + id + "/attachments").then().statusCode(201);
        given().when().post(DOSSIERS + "/" + id + "/submit").then().statusCode(200);
        return id;
    }

    private long outboxRows(EventType type, UUID appId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.count("type = ?1 and appId = ?2", type.ceType(), appId));
    }
}
