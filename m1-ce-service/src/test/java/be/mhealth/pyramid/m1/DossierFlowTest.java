package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import be.mhealth.pyramid.events.DossierEvents;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.m1.service.AttachmentService;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The whole M1 life cycle through the API, one actor per step (the steps run in order and share the dossier):
 * draft, attachment, submission, information request, update and re-submission, approval (m1.granted on the
 * topic), revocation (m1.revoked), and afterwards a new dossier that the vendor withdraws.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DossierFlowTest {

    private static final String DOSSIERS = "/api/v1/m1/dossiers";

    static UUID appId;
    static String dossierId;

    @Inject
    M1Fixtures data;

    @Test
    @Order(1)
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void vendorOpensADraftAttachesTheCertificateAndSubmits() {
        appId = data.app("medisoft");
        Response created = given().contentType(ContentType.JSON).body(data.body(appId))
                .when().post(DOSSIERS)
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("state", equalTo("DRAFT"))
                .body("organizationId", equalTo("medisoft"))
                .body("certificate.deviceClass", equalTo("IIa"))
                .body("gdpr.dataLocation.area", equalTo("EU_EEA"))
                .extract().response();
        dossierId = created.path("id");
        assertThat(created.header("Location")).endsWith(DOSSIERS + "/" + dossierId);

        given().multiPart("kind", "CE_CERTIFICATE")
                .multiPart("file", "ce-certificate.pdf", M1Fixtures.PDF, AttachmentService.PDF)
                .when().post(DOSSIERS + "/" + dossierId + "/attachments")
                .then().statusCode(201)
                .body("kind", equalTo("CE_CERTIFICATE"))
                .body("fileName", equalTo("ce-certificate.pdf"))
                .body("sizeBytes", equalTo(M1Fixtures.PDF.length))
                .body("sha256", equalTo(AttachmentService.sha256(M1Fixtures.PDF)));

        given().when().post(DOSSIERS + "/" + dossierId + "/submit")
                .then().statusCode(200)
                .body("state", equalTo("SUBMITTED"))
                .body("submittedAt", notNullValue());
    }

    @Test
    @Order(2)
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void assessorFindsItInTheQueueAndRequestsInformation() {
        List<Map<String, Object>> queue = given().queryParam("size", 100).when().get("/api/v1/m1/review-queue")
                .then().statusCode(200).extract().path("items");
        Map<String, Object> entry = queue.stream().filter(e -> dossierId.equals(e.get("dossierId"))).findFirst()
                .orElseThrow();
        assertThat(entry.get("state")).isEqualTo("SUBMITTED");
        assertThat(entry.get("appId")).isEqualTo(appId.toString());
        assertThat(entry.get("waitingSince")).isNotNull().isEqualTo(entry.get("submittedAt"));

        given().contentType(ContentType.JSON)
                .body(Map.of("outcome", "INFO_REQUESTED", "reason", "the UDI-DI does not match the certificate"))
                .when().post(DOSSIERS + "/" + dossierId + "/decision")
                .then().statusCode(200)
                .body("state", equalTo("INFO_REQUESTED"))
                .body("decidedBy", equalTo("fiona"))
                .body("decisionReason", equalTo("the UDI-DI does not match the certificate"));

        List<Map<String, Object>> queueAfter = given().queryParam("size", 100).when().get("/api/v1/m1/review-queue")
                .then().statusCode(200).extract().path("items");
        assertThat(queueAfter).noneMatch(e -> dossierId.equals(e.get("dossierId")));
    }

    @Test
    @Order(3)
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void vendorUpdatesAndResubmits() {
        String etag = given().when().get(DOSSIERS + "/" + dossierId)
                .then().statusCode(200).body("state", equalTo("INFO_REQUESTED")).extract().header("ETag");
        Map<String, Object> body = data.body(appId);
        M1Fixtures.certificateOf(body).put("udiDi", "05412345000020");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().put(DOSSIERS + "/" + dossierId)
                .then().statusCode(200)
                .body("certificate.udiDi", equalTo("05412345000020"))
                .header("ETag", notNullValue());

        given().when().post(DOSSIERS + "/" + dossierId + "/submit")
                .then().statusCode(200).body("state", equalTo("IN_REVIEW"));
    }

    @Test
    @Order(4)
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void assessorApprovesAndTheGrantIsPublished() {
        given().contentType(ContentType.JSON).body(Map.of("outcome", "APPROVED"))
                .when().post(DOSSIERS + "/" + dossierId + "/decision")
                .then().statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("decidedBy", equalTo("fiona"));

        TopicReader.Event event = TopicReader.await(EventType.M1_GRANTED, appId);
        assertThat(event.key()).isEqualTo(appId.toString());
        assertThat(event.header("ce_specversion")).isEqualTo("1.0");
        assertThat(event.header("ce_type")).isEqualTo("be.mhealth.pyramid.m1.granted.v1");
        assertThat(event.header("ce_source")).isEqualTo("/m1-ce-service");
        assertThat(event.header("ce_id")).isNotBlank();
        M1Events.M1Granted granted = event.payload(M1Events.M1Granted.class);
        assertThat(granted.dossierId()).hasToString(dossierId);
        assertThat(granted.regulation()).isEqualTo("MDR");
        assertThat(granted.deviceClass()).isEqualTo("IIa");
        assertThat(granted.certificateNumber()).isEqualTo("CE-2026-0042");
        assertThat(granted.certificateExpiresOn()).hasToString(
                (String) M1Fixtures.certificateOf(data.body(appId)).get("expiresOn"));
        assertThat(granted.decidedBy()).isEqualTo("fiona");
        // the facts the registry publishes: the notified body and the vendor's GDPR declaration
        assertThat(granted.notifiedBody()).isEqualTo("0123");
        assertThat(granted.legalBasis()).isEqualTo("CONSENT");
        assertThat(granted.dataArea()).isEqualTo("EU_EEA");
        assertThat(granted.dataCountry()).isNull();
        assertThat(granted.transferMechanism()).isNull();
        assertThat(granted.dpoContact()).isEqualTo("dpo@medisoft.be");
        assertThat(granted.privacyPolicyUrl()).isEqualTo("https://medisoft.be/privacy");
    }

    @Test
    @Order(5)
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void aNewDossierForAnActiveGrantIsARenewalAndTheGrantCannotBeWithdrawn() {
        // the same certificate again is no renewal: a renewal's certificate must outlast the grant's (RenewalTest)
        given().contentType(ContentType.JSON).body(data.body(appId))
                .when().post(DOSSIERS)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("certificate.expiresOn"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "moving to a new certificate"))
                .when().post(DOSSIERS + "/" + dossierId + "/withdraw")
                .then().statusCode(409)
                .body("currentState", equalTo("APPROVED"));
    }

    @Test
    @Order(6)
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void assessorRevokesAndTheHistoryTellsWhoWhenWhy() {
        given().contentType(ContentType.JSON).body(Map.of("reason", "certificate suspended by the notified body"))
                .when().post(DOSSIERS + "/" + dossierId + "/revocation")
                .then().statusCode(200).body("state", equalTo("REVOKED"));

        M1Events.M1Revoked revoked = TopicReader.await(EventType.M1_REVOKED, appId)
                .payload(M1Events.M1Revoked.class);
        assertThat(revoked.reason()).isEqualTo("certificate suspended by the notified body");
        assertThat(revoked.decidedBy()).isEqualTo("fiona");

        JsonPath history = given().when().get(DOSSIERS + "/" + dossierId + "/history")
                .then().statusCode(200).body("total", equalTo(7)).extract().jsonPath();
        assertThat(history.getList("items.action")).containsExactly("CREATE", "SUBMIT", "START_REVIEW",
                "REQUEST_INFO", "SUBMIT", "APPROVE", "REVOKE");
        assertThat(history.getList("items.to")).containsExactly("DRAFT", "SUBMITTED", "IN_REVIEW",
                "INFO_REQUESTED", "IN_REVIEW", "APPROVED", "REVOKED");
        assertThat(history.getList("items.actor")).containsExactly("alice", "alice", "fiona", "fiona", "alice",
                "fiona", "fiona");
        assertThat(history.getList("items.at")).doesNotContainNull();
        assertThat(history.getList("items.reason")).doesNotContainNull()
                .contains("the UDI-DI does not match the certificate", "certificate suspended by the notified body");

        // Every transition, the creation included, is published too: with the kind of actor, never a name.
        List<DossierEvents.DossierStateChanged> changes = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> stateChangesOf(appId), c -> c.size() >= 7);
        assertThat(changes).extracting(DossierEvents.DossierStateChanged::action).containsExactly("CREATE", "SUBMIT",
                "START_REVIEW", "REQUEST_INFO", "SUBMIT", "APPROVE", "REVOKE");
        assertThat(changes).extracting(DossierEvents.DossierStateChanged::actedBy).containsExactly("VENDOR",
                "VENDOR", "AUTHORITY", "AUTHORITY", "VENDOR", "AUTHORITY", "AUTHORITY");
        assertThat(changes.get(0).from()).isNull();
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.level()).isEqualTo(Level.M1);
            assertThat(c.organizationId()).isEqualTo("medisoft");
            assertThat(c.dossierId()).hasToString(dossierId);
        });
        assertThat(TopicReader.readAll(EventType.M1_DOSSIER_STATE_CHANGED.topic().topicName()).stream()
                .filter(e -> appId.toString().equals(e.key())
                        && EventType.M1_DOSSIER_STATE_CHANGED.ceType().equals(e.ceType()))
                .map(TopicReader.Event::value))
                .noneMatch(v -> v.contains("alice") || v.contains("fiona"));
    }

    private static List<DossierEvents.DossierStateChanged> stateChangesOf(UUID app) {
        return TopicReader.readAll(EventType.M1_DOSSIER_STATE_CHANGED.topic().topicName()).stream()
                .filter(e -> app.toString().equals(e.key())
                        && EventType.M1_DOSSIER_STATE_CHANGED.ceType().equals(e.ceType()))
                .map(e -> e.payload(DossierEvents.DossierStateChanged.class))
                .filter(c -> c.dossierId().toString().equals(dossierId))
                .toList();
    }

    @Test
    @Order(7)
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void afterRevocationANewDossierCanBeOpenedAndWithdrawn() {
        String second = given().contentType(ContentType.JSON).body(data.body(appId))
                .when().post(DOSSIERS)
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("reason", "wrong certificate uploaded"))
                .when().post(DOSSIERS + "/" + second + "/withdraw")
                .then().statusCode(200).body("state", equalTo("WITHDRAWN"));
        JsonPath history = given().when().get(DOSSIERS + "/" + second + "/history")
                .then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.action")).containsExactly("CREATE", "WITHDRAW");
        assertThat(history.getString("items[1].reason")).isEqualTo("wrong certificate uploaded");
        assertThat(history.getString("items[1].actor")).isEqualTo("alice");

        given().queryParam("appId", appId.toString()).when().get(DOSSIERS)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.state", containsInAnyOrder("REVOKED", "WITHDRAWN"));
    }
}
