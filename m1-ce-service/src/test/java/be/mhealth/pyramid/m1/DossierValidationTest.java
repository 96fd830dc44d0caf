package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.RegistryEvents;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.m1.repository.M1DossierRepository;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/** Every input rule of a dossier, each answered with problem+json naming the field; ETags; idempotent retries. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestSecurity(user = "alice", roles = "vendor")
@OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
class DossierValidationTest {

    private static final String DOSSIERS = "/api/v1/m1/dossiers";

    @Inject
    M1Fixtures data;

    @Inject
    M1DossierRepository dossiers;

    @Inject
    Clock clock;

    private ValidatableResponse create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post(DOSSIERS).then();
    }

    private ValidatableResponse createBroken(Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> body = data.body(data.app("medisoft"));
        breakIt.accept(body);
        return create(body);
    }

    private static void isProblem(ValidatableResponse response, int status, String field) {
        response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field));
    }

    private LocalDate today() {
        return PlatformCalendar.today(clock);
    }

    @Test
    void missingAndMalformedFieldsAre400NamingEachField() {
        ValidatableResponse response = createBroken(b -> {
            M1Fixtures.certificateOf(b).remove("number");
            M1Fixtures.certificateOf(b).put("notifiedBody", "12");
            M1Fixtures.gdprOf(b).put("dpoContact", "not-an-email");
            M1Fixtures.gdprOf(b).put("privacyPolicyUrl", "http://medisoft.be/privacy");
            b.remove("famhpNotification");
        });
        response.statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://pyramid.mhealth.be/problems/validation"))
                .body("errors.field", hasItems("certificate.number", "certificate.notifiedBody", "gdpr.dpoContact",
                        "gdpr.privacyPolicyUrl", "famhpNotification"));
    }

    @Test
    void unknownEnumValueAndUnknownFieldAre400() {
        isProblem(createBroken(b -> M1Fixtures.certificateOf(b).put("deviceClass", "IV")), 400,
                "certificate.deviceClass");
        isProblem(createBroken(b -> M1Fixtures.certificateOf(b).put("regulation", "FDA")), 400,
                "certificate.regulation");
        isProblem(createBroken(b -> b.put("colour", "blue")), 400, "colour");
    }

    @Test
    void intendedPurposeNeedsKnownLanguages() {
        createBroken(b -> M1Fixtures.certificateOf(b).put("intendedPurpose", Map.of("xx", "?")))
                .statusCode(400)
                .body("errors[0].field", startsWith("certificate.intendedPurpose"));
        isProblem(createBroken(b -> M1Fixtures.certificateOf(b).put("intendedPurpose", Map.of())), 400,
                "certificate.intendedPurpose");
    }

    @Test
    void datesMustBeInOrderAndIssueNotInTheFuture() {
        isProblem(createBroken(b -> {
            M1Fixtures.certificateOf(b).put("issuedOn", today().minusDays(10).toString());
            M1Fixtures.certificateOf(b).put("expiresOn", today().minusDays(20).toString());
        }), 422, "certificate.expiresOn");
        isProblem(createBroken(b -> M1Fixtures.certificateOf(b).put("issuedOn", today().plusDays(1).toString())),
                422, "certificate.issuedOn");
    }

    @Test
    void certificateDatesMustBePlausible() {
        isProblem(createBroken(b -> M1Fixtures.certificateOf(b).put("expiresOn", "9999-12-31")), 422,
                "certificate.expiresOn");
        isProblem(createBroken(b -> M1Fixtures.certificateOf(b).put("expiresOn",
                today().minusYears(1).plusYears(5).plusDays(1).toString())), 422, "certificate.expiresOn");
        isProblem(createBroken(b -> M1Fixtures.certificateOf(b).put("issuedOn", "2012-03-01")), 422,
                "certificate.issuedOn");
        isProblem(createBroken(b -> {
            M1Fixtures.certificateOf(b).put("regulation", "MDD");
            M1Fixtures.certificateOf(b).put("issuedOn", "1990-01-01");
        }), 422, "certificate.issuedOn");
        isProblem(createBroken(b -> M1Fixtures.certificateOf(b).put("expiresOn", "+10000-01-01")), 422,
                "certificate.expiresOn");
    }

    @Test
    void notifiedBodyIsRequiredAboveClassIOnly() {
        for (String deviceClass : new String[] { "Is", "Im", "Ir", "IIa", "IIb", "III" }) {
            isProblem(createBroken(b -> {
                M1Fixtures.certificateOf(b).put("deviceClass", deviceClass);
                M1Fixtures.certificateOf(b).remove("notifiedBody");
            }), 422, "certificate.notifiedBody");
        }
        createBroken(b -> {
            M1Fixtures.certificateOf(b).put("deviceClass", "I");
            M1Fixtures.certificateOf(b).remove("notifiedBody");
        }).statusCode(201).body("certificate.deviceClass", equalTo("I"));
    }

    @Test
    void legacyMddCertificatesFollowTheDirective() {
        isProblem(createBroken(b -> {
            M1Fixtures.certificateOf(b).put("regulation", "MDD");
            M1Fixtures.certificateOf(b).put("deviceClass", "Ir");
            M1Fixtures.certificateOf(b).put("issuedOn", "2020-01-15");
        }), 422, "certificate.deviceClass");
        isProblem(createBroken(b -> M1Fixtures.certificateOf(b).put("regulation", "MDD")), 422,
                "certificate.issuedOn");
        createBroken(b -> {
            M1Fixtures.certificateOf(b).put("regulation", "MDD");
            M1Fixtures.certificateOf(b).put("issuedOn", "2020-01-15");
            M1Fixtures.certificateOf(b).put("expiresOn", today().plusYears(1).toString());
        }).statusCode(201).body("certificate.regulation", equalTo("MDD"));
    }

    @Test
    void dataLocationOutsideTheEeaNeedsCountryAndTransferMechanism() {
        createBroken(b -> M1Fixtures.locationOf(b).put("area", "THIRD_COUNTRY"))
                .statusCode(422)
                .body("errors.field", hasItems("gdpr.dataLocation.country", "gdpr.dataLocation.transferMechanism"));
        isProblem(createBroken(b -> {
            M1Fixtures.locationOf(b).put("area", "THIRD_COUNTRY");
            M1Fixtures.locationOf(b).put("country", "FR");
            M1Fixtures.locationOf(b).put("transferMechanism", "ADEQUACY_DECISION");
        }), 422, "gdpr.dataLocation.country");
        isProblem(createBroken(b -> M1Fixtures.locationOf(b).put("transferMechanism", "DEROGATION")), 422,
                "gdpr.dataLocation.transferMechanism");
        isProblem(createBroken(b -> {
            M1Fixtures.locationOf(b).put("area", "THIRD_COUNTRY");
            M1Fixtures.locationOf(b).put("country", "usa");
        }), 400, "gdpr.dataLocation.country");
        createBroken(b -> {
            M1Fixtures.locationOf(b).put("area", "THIRD_COUNTRY");
            M1Fixtures.locationOf(b).put("country", "US");
            M1Fixtures.locationOf(b).put("transferMechanism", "STANDARD_CONTRACTUAL_CLAUSES");
        }).statusCode(201).body("gdpr.dataLocation.country", equalTo("US"));
    }

    @Test
    void aRejectedRequestWritesNothing() {
        UUID appId = data.app("medisoft");
        Map<String, Object> body = data.body(appId);
        M1Fixtures.certificateOf(body).put("issuedOn", today().plusDays(5).toString());
        create(body).statusCode(422);
        assertThat(QuarkusTransaction.requiringNew().call(() -> dossiers.count("appId", appId))).isZero();
    }

    @Test
    void submissionNeedsAnUnexpiredCertificateAndTheCertificatePdf() {
        Map<String, Object> body = data.body(data.app("medisoft"));
        M1Fixtures.certificateOf(body).put("expiresOn", today().toString());
        String id = create(body).statusCode(201).extract().path("id");
        given().when().post(DOSSIERS + "/" + id + "/submit")
                .then().statusCode(422)
                .body("errors.field", hasItems("certificate.expiresOn", "attachments"));
        given().when().get(DOSSIERS + "/" + id).then().body("state", equalTo("DRAFT"));
    }

    @Test
    void anAppGetsOneOpenDossierAtATime() {
        UUID appId = data.app("medisoft");
        create(data.body(appId)).statusCode(201);
        create(data.body(appId)).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://pyramid.mhealth.be/problems/dossier-exists"))
                .body("currentState", equalTo("DRAFT"));
    }

    @Test
    void onlyAppsOfTheCallersOrganizationKnownFromTheRegistry() {
        create(data.body(UUID.randomUUID())).statusCode(404).contentType("application/problem+json");
        create(data.body(data.app("carelab"))).statusCode(404).contentType("application/problem+json");
        isProblem(createBroken(b -> b.remove("appId")), 400, "appId");
    }

    @Test
    void aDossierForAJustRegisteredAppWaitsForTheRegistrysEvent() {
        UUID appId = UUID.randomUUID();
        TopicReader.publish(UUID.randomUUID().toString(), new RegistryEvents.AppRegistered(appId, "medisoft",
                Map.of("en", "Fresh app"), "DIABETES", null, Instant.now()));
        create(data.body(appId)).statusCode(201).body("appId", equalTo(appId.toString()));
    }

    @Test
    void updatesNeedTheCurrentETag() {
        UUID appId = data.app("medisoft");
        String id = create(data.body(appId)).statusCode(201).extract().path("id");
        Map<String, Object> body = data.body(appId);
        M1Fixtures.certificateOf(body).put("number", "CE-2026-0099");

        given().contentType(ContentType.JSON).body(body).when().put(DOSSIERS + "/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body).header("If-Match", "\"7\"").when().put(DOSSIERS + "/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body).header("If-Match", "\"0\"").when().put(DOSSIERS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("certificate.number", equalTo("CE-2026-0099"));
        given().contentType(ContentType.JSON).body(body).header("If-Match", "\"0\"").when().put(DOSSIERS + "/" + id)
                .then().statusCode(412);
        given().header("If-Match", "\"0\"").when().post(DOSSIERS + "/" + id + "/submit")
                .then().statusCode(412);

        Map<String, Object> otherApp = data.body(data.app("medisoft"));
        isProblem(given().contentType(ContentType.JSON).body(otherApp).header("If-Match", "\"1\"")
                .when().put(DOSSIERS + "/" + id).then(), 422, "appId");
        isProblem(given().contentType(ContentType.JSON).body(Map.of("appId", appId.toString()))
                .header("If-Match", "\"1\"").when().put(DOSSIERS + "/" + id).then(), 400, "certificate");
    }

    @Test
    void onlyDraftsAndInformationRequestsCanBeEdited() {
        var submitted = data.dossier("medisoft", M1DossierState.SUBMITTED, today().plusYears(2));
        given().contentType(ContentType.JSON).body(data.body(submitted.appId())).header("If-Match", "*")
                .when().put(DOSSIERS + "/" + submitted.id())
                .then().statusCode(409).body("currentState", equalTo("SUBMITTED"));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyIsAppliedOnce() {
        UUID appId = data.app("medisoft");
        String key = UUID.randomUUID().toString();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(data.body(appId))
                .when().post(DOSSIERS).then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(data.body(appId))
                .when().post(DOSSIERS)
                .then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .header("ETag", "\"0\"")
                .body("id", equalTo(first));
        assertThat(QuarkusTransaction.requiringNew().call(() -> dossiers.count("appId", appId))).isEqualTo(1);

        Map<String, Object> other = data.body(data.app("medisoft"));
        isProblem(given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(other)
                .when().post(DOSSIERS).then(), 422, "Idempotency-Key");
    }

    @Test
    void listsArePagedFilteredAndCapped() {
        UUID appId = data.app("medisoft");
        create(data.body(appId)).statusCode(201);
        given().queryParam("appId", appId.toString()).queryParam("state", "DRAFT").when().get(DOSSIERS)
                .then().statusCode(200)
                .body("total", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items[0].appId", equalTo(appId.toString()));
        given().queryParam("appId", appId.toString()).queryParam("state", "APPROVED").when().get(DOSSIERS)
                .then().statusCode(200).body("total", equalTo(0));
        given().queryParam("size", 1).when().get(DOSSIERS)
                .then().statusCode(200).body("items.size()", equalTo(1));
        isProblem(given().queryParam("size", 101).when().get(DOSSIERS).then(), 400, "size");
        isProblem(given().queryParam("page", -1).when().get(DOSSIERS).then(), 400, "page");
        isProblem(given().queryParam("state", "PENDING").when().get(DOSSIERS).then(), 400, "state");
        isProblem(given().queryParam("appId", "not-a-uuid").when().get(DOSSIERS).then(), 400, "appId");
    }

    @Test
    void aSubmittedDossierCanBeWithdrawnWithAReasonButNotTwice() {
        var submitted = data.dossier("medisoft", M1DossierState.SUBMITTED, today().plusYears(2));
        String path = DOSSIERS + "/" + submitted.id() + "/withdraw";
        isProblem(given().contentType(ContentType.JSON).body(Map.of("reason", "")).when().post(path).then(), 400,
                "reason");
        given().contentType(ContentType.JSON).body(Map.of("reason", "app discontinued")).when().post(path)
                .then().statusCode(200).body("state", equalTo("WITHDRAWN"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "app discontinued")).when().post(path)
                .then().statusCode(409).body("currentState", equalTo("WITHDRAWN"));
        given().when().get(DOSSIERS + "/" + submitted.id() + "/history")
                .then().body("items[-1].reason", equalTo("app discontinued"))
                .body("items[-1].actor", equalTo("alice"));
        create(data.body(submitted.appId())).statusCode(201);
    }
}
