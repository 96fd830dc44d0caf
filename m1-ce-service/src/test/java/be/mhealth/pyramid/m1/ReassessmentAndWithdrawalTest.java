package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.RegistryEvents.AppVersionDeclared;
import be.mhealth.pyramid.events.RegistryEvents.AppWithdrawnFromMarket;
import be.mhealth.pyramid.events.RegistryEvents.MarketWithdrawalReason;
import be.mhealth.pyramid.events.RegistryEvents.SignificantChange;
import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Issue 15: a version with a significant change for M1 puts the grant in FAMHP's queue with a due date (nothing
 * falls), FAMHP confirms it; a change that concerns only M2 does not; a market withdrawal closes the app's open
 * dossier and its grant.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ReassessmentAndWithdrawalTest {

    private static final String DOSSIERS = "/api/v1/m1/dossiers";

    @Inject
    M1Fixtures data;

    @Test
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void aSignificantChangeForM1ReachesFamhpsQueueWithADueDateAndFamhpConfirms() {
        M1Dossier grant = data.dossier("medisoft", M1DossierState.APPROVED, data.today().plusYears(2));
        M1Dossier other = data.dossier("medisoft", M1DossierState.APPROVED, data.today().plusYears(2));
        declare(other.appId(), List.of(SignificantChange.HOSTING), List.of(Level.M2));
        declare(grant.appId(), List.of(SignificantChange.INTENDED_PURPOSE, SignificantChange.DATA_FLOWS),
                List.of(Level.M1, Level.M2));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when()
                .get(DOSSIERS + "/" + grant.id()).then().body("reassessment.version", equalTo("3.0.0")));
        given().when().get(DOSSIERS + "/" + grant.id()).then().statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("reassessment.significantChanges", equalTo(List.of("INTENDED_PURPOSE")))
                .body("reassessment.dueOn", equalTo(data.today().plusDays(60).toString()));
        JsonPath queue = given().queryParam("size", 100).when().get("/api/v1/m1/review-queue").then().statusCode(200)
                .extract().jsonPath();
        assertThat(queue.getString("items.find { it.dossierId == '" + grant.id() + "' }.dueDate"))
                .isEqualTo(data.today().plusDays(60).toString());
        assertThat(queue.getList("items.dossierId", String.class)).as("a change for M2 only")
                .doesNotContain(other.id().toString());
        given().when().get(DOSSIERS + "/" + other.id()).then().body("reassessment", nullValue());

        given().contentType(ContentType.JSON).body(Map.of("reason", "the new intended purpose stays within class IIa"))
                .when().post(DOSSIERS + "/" + grant.id() + "/confirmation")
                .then().statusCode(200).body("state", equalTo("APPROVED")).body("reassessment", nullValue());
        given().contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .when().post(DOSSIERS + "/" + grant.id() + "/confirmation").then().statusCode(409);
        List<String> actions = given().when().get(DOSSIERS + "/" + grant.id() + "/history").then().extract()
                .jsonPath().getList("items.action", String.class);
        assertThat(actions).endsWith("REQUEST_REASSESSMENT", "CONFIRM");
        assertThat(given().queryParam("size", 100).when().get("/api/v1/m1/review-queue").then().extract().jsonPath()
                .getList("items.dossierId", String.class)).doesNotContain(grant.id().toString());
    }

    @Test
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void aMarketWithdrawalClosesTheOpenDossierAndTheGrant() {
        M1Dossier grant = data.dossier("medisoft", M1DossierState.APPROVED, data.today().plusYears(2));
        M1Dossier open = data.dossier("carelab", M1DossierState.IN_REVIEW, data.today().plusYears(2));
        M1Dossier elsewhere = data.dossier("medisoft", M1DossierState.IN_REVIEW, data.today().plusYears(2));
        withdraw(grant.appId(), "medisoft");
        withdraw(open.appId(), "carelab");

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(data.reload(grant.id()).state()).isEqualTo(M1DossierState.CLOSED);
            assertThat(data.reload(open.id()).state()).isEqualTo(M1DossierState.CLOSED);
        });
        assertThat(data.reload(elsewhere.id()).state()).isEqualTo(M1DossierState.IN_REVIEW);
        JsonPath history = given().when().get(DOSSIERS + "/" + open.id() + "/history").then().extract().jsonPath();
        List<Map<String, Object>> items = history.getList("items");
        assertThat(items.get(items.size() - 1)).containsEntry("action", "CLOSE").containsEntry("actor", "m1-ce-service")
                .containsEntry("from", "IN_REVIEW");
    }

    private void declare(UUID appId, List<SignificantChange> changes, List<Level> concerns) {
        TopicReader.publish(UUID.randomUUID().toString(), new AppVersionDeclared(appId, "medisoft", Level.M1,
                UUID.randomUUID(), "3.0.0", data.today(), Map.of("nl", "n", "fr", "f", "en", "e"), changes,
                concerns, Instant.now()));
    }

    private static void withdraw(UUID appId, String organization) {
        TopicReader.publish(UUID.randomUUID().toString(), new AppWithdrawnFromMarket(appId, organization, null, null,
                MarketWithdrawalReason.DISCONTINUED, "we stop", List.of(Level.M1), Instant.now()));
    }
}
