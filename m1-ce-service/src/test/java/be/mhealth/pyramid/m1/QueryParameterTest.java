package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Every list's query parameters: anything unparseable or out of range is a 400 problem+json naming the parameter —
 * never a bare 404 (a failed conversion) nor a 500 (an overflowing offset).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestSecurity(user = Actors.ALICE, roles = "vendor")
@OidcSecurity(claims = @Claim(key = "organization", value = Actors.MEDISOFT))
class QueryParameterTest {

    private static final String DOSSIERS = "/api/v1/m1/dossiers";

    @Inject
    M1Fixtures data;

    @Inject
    Clock clock;

    private M1Dossier dossier(M1DossierState state) {
        return data.dossier(Actors.MEDISOFT, state, PlatformCalendar.today(clock).plusYears(2));
    }

    private static void refused(String path, String parameter, String value) {
        given().queryParam(parameter, value).when().get(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://pyramid.mhealth.be/problems/validation"))
                .body("errors[0].field", equalTo(parameter));
    }

    @ParameterizedTest(name = "?{0}={1}")
    @CsvSource({ "page, false", "page, -1", "page, 2147483646", "page, 99999999999", "page, ١", "page, 1.5",
            "size, 0", "size, 101", "size, 2147483648", "size, twenty",
            "state, PENDING", "state, draft", "state, ＤRAFT", "state, DRАFT", "appId, not-a-uuid", "appId, 1-2-3-4-5" })
    void theDossierListRefusesABadValueNamingItsParameter(String parameter, String value) {
        refused(DOSSIERS, parameter, value);
    }

    @ParameterizedTest(name = "{0}?{1}={2}")
    @CsvSource({ "/history, page, false", "/history, size, 2147483648", "/history, page, 2147483646",
            "/attachments, page, true", "/attachments, size, 101", "/attachments, page, 2147483646" })
    void theDossiersSubListsToo(String sub, String parameter, String value) {
        refused(DOSSIERS + "/" + dossier(M1DossierState.DRAFT).id() + sub, parameter, value);
    }

    @Test
    @TestSecurity(user = Actors.FIONA, roles = "famhp-assessor")
    void theReviewQueueToo() {
        refused("/api/v1/m1/review-queue", "page", "false");
        refused("/api/v1/m1/review-queue", "size", "2147483648");
        refused("/api/v1/m1/review-queue", "page", "2147483646");
        given().queryParam("page", "10737418").queryParam("size", "20").when().get("/api/v1/m1/review-queue")
                .then().statusCode(200).body("items", equalTo(List.of())).body("page", equalTo(10737418));
    }

    @Test
    void theMessageSaysWhatIsAllowed() {
        given().queryParam("page", "2147483646").when().get(DOSSIERS)
                .then().statusCode(400)
                .body("errors[0].message", startsWith("must be a whole number from 0 to 107374181"));
        given().queryParam("state", "PENDING").when().get(DOSSIERS)
                .then().statusCode(400)
                .body("errors[0].message", startsWith("must be one of [DRAFT, SUBMITTED, IN_REVIEW, INFO_REQUESTED"));
    }

    @Test
    void stateIsRepeatable() {
        M1Dossier draft = dossier(M1DossierState.DRAFT);
        M1Dossier submitted = dossier(M1DossierState.SUBMITTED);
        M1Dossier approved = dossier(M1DossierState.APPROVED);
        JsonPath page = given().queryParam("state", "DRAFT").queryParam("state", "SUBMITTED").queryParam("size", 100)
                .when().get(DOSSIERS).then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.state", String.class)).containsOnly("DRAFT", "SUBMITTED");
        assertThat(page.getList("items.id", String.class)).contains(draft.id().toString(),
                submitted.id().toString()).doesNotContain(approved.id().toString());
    }
}
