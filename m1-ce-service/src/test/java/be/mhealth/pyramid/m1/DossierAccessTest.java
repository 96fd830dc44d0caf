package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.m1.repository.AttachmentRepository;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/** Vendors see their own organization's dossiers only (others are 404); decisions are the assessor's (403). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class DossierAccessTest {

    private static final String DOSSIERS = "/api/v1/m1/dossiers";

    @Inject
    M1Fixtures data;

    @Inject
    Clock clock;

    @Inject
    AttachmentRepository attachments;

    private M1Dossier medisoftDossier(M1DossierState status) {
        return data.dossier("medisoft", status, PlatformCalendar.today(clock).plusYears(2));
    }

    private static void problem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
    }

    @Test
    @TestSecurity(user = "bob", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "carelab"))
    void anotherOrganizationsDossierIsNotFound() {
        M1Dossier d = medisoftDossier(M1DossierState.DRAFT);
        String path = DOSSIERS + "/" + d.id();
        problem(given().when().get(path).then(), 404);
        problem(given().when().get(path + "/history").then(), 404);
        problem(given().when().get(path + "/attachments").then(), 404);
        problem(given().contentType(ContentType.JSON).body(data.body(d.appId())).header("If-Match", "\"0\"")
                .when().put(path).then(), 404);
        problem(given().when().post(path + "/submit").then(), 404);
        problem(given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post(path + "/withdraw")
                .then(), 404);
        problem(given().contentType("application/pdf").queryParam("kind", "CE_CERTIFICATE").body(M1Fixtures.PDF)
                .when().post(path + "/attachments").then(), 404);
        given().queryParam("appId", d.appId().toString()).when().get(DOSSIERS)
                .then().statusCode(200).body("total", equalTo(0));
        given().when().get(DOSSIERS + "/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void aVendorCannotDecideRevokeExpireOrSeeTheQueue() {
        M1Dossier d = medisoftDossier(M1DossierState.SUBMITTED);
        M1Dossier granted = medisoftDossier(M1DossierState.APPROVED);
        problem(given().contentType(ContentType.JSON)
                .body(Map.of("expiredOn", data.today().minusDays(1).toString(), "reason", "mine expired"))
                .when().post(DOSSIERS + "/" + granted.id() + "/expiry").then(), 403);
        given().when().get(DOSSIERS + "/" + granted.id()).then().statusCode(200).body("state", equalTo("APPROVED"));
        problem(given().contentType(ContentType.JSON).body(Map.of("outcome", "APPROVED"))
                .when().post(DOSSIERS + "/" + d.id() + "/decision").then(), 403);
        problem(given().contentType(ContentType.JSON).body(Map.of("reason", "no"))
                .when().post(DOSSIERS + "/" + d.id() + "/revocation").then(), 403);
        problem(given().when().get("/api/v1/m1/review-queue").then(), 403);
        given().when().get(DOSSIERS + "/" + d.id()).then().statusCode(200).body("state", equalTo("SUBMITTED"));
    }

    @Test
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void famhpReadsEverySubmittedDossierButCannotOpenOne() {
        M1Dossier d = medisoftDossier(M1DossierState.SUBMITTED);
        given().when().get(DOSSIERS + "/" + d.id()).then().statusCode(200).body("organizationId", equalTo("medisoft"));
        given().when().get(DOSSIERS + "/" + d.id() + "/history").then().statusCode(200).body("total", equalTo(2));
        given().when().get(DOSSIERS + "/" + d.id() + "/attachments").then().statusCode(200).body("total", equalTo(1));
        given().queryParam("appId", d.appId().toString()).when().get(DOSSIERS)
                .then().statusCode(200).body("total", equalTo(1));
        problem(given().contentType(ContentType.JSON).body(data.body(d.appId())).when().post(DOSSIERS).then(), 403);
        problem(given().when().post(DOSSIERS + "/" + d.id() + "/submit").then(), 403);
    }

    @Test
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void famhpNeverSeesADraftNorItsAttachments() {
        M1Dossier draft = medisoftDossier(M1DossierState.DRAFT);
        String path = DOSSIERS + "/" + draft.id();
        problem(given().when().get(path).then(), 404);
        problem(given().when().get(path + "/history").then(), 404);
        problem(given().when().get(path + "/attachments").then(), 404);
        UUID attachment = QuarkusTransaction.requiringNew()
                .call(() -> attachments.ofDossier(draft.id()).firstResult().id);
        problem(given().when().get(path + "/attachments/" + attachment + "/content").then(), 404);
        problem(given().contentType(ContentType.JSON).body(Map.of("outcome", "REJECTED", "reason", "peek"))
                .when().post(path + "/decision").then(), 404);
        given().queryParam("appId", draft.appId().toString()).when().get(DOSSIERS)
                .then().statusCode(200).body("total", equalTo(0));
        given().queryParam("state", "DRAFT").queryParam("size", 100).when().get(DOSSIERS)
                .then().statusCode(200).body("total", equalTo(0));
        assertThat(data.reload(draft.id()).state()).isEqualTo(M1DossierState.DRAFT);

        // Withdrawn before it was ever submitted: still the vendor's alone. Withdrawn after: FAMHP saw it.
        M1Dossier withdrawnDraft = medisoftDossier(M1DossierState.WITHDRAWN);
        problem(given().when().get(DOSSIERS + "/" + withdrawnDraft.id()).then(), 404);
    }

    @Test
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void famhpDownloadsASubmittedDossiersAttachment() {
        M1Dossier d = medisoftDossier(M1DossierState.IN_REVIEW);
        String attachment = given().when().get(DOSSIERS + "/" + d.id() + "/attachments").then().statusCode(200)
                .extract().path("items[0].id");
        given().when().get(DOSSIERS + "/" + d.id() + "/attachments/" + attachment + "/content")
                .then().statusCode(200).contentType("application/pdf");
    }

    @Test
    @TestSecurity(user = "eric", roles = "ehealth-assessor")
    void otherAuthoritiesHaveNoAccess() {
        M1Dossier d = medisoftDossier(M1DossierState.SUBMITTED);
        problem(given().when().get(DOSSIERS + "/" + d.id()).then(), 403);
        problem(given().contentType(ContentType.JSON).body(Map.of("outcome", "APPROVED"))
                .when().post(DOSSIERS + "/" + d.id() + "/decision").then(), 403);
    }

    @Test
    @TestSecurity(user = "mallory", roles = "vendor")
    void aVendorTokenWithoutOrganizationIsForbidden() {
        problem(given().contentType(ContentType.JSON).body(data.body(data.app("medisoft"))).when().post(DOSSIERS)
                .then(), 403);
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        M1Dossier d = medisoftDossier(M1DossierState.DRAFT);
        given().when().get(DOSSIERS + "/" + d.id())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        problem(given().when().get("/api/v1/m1/review-queue").then(), 401);
    }
}
