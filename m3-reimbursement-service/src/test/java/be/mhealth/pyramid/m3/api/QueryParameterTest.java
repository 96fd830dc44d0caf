package be.mhealth.pyramid.m3.api;

import static be.mhealth.pyramid.m3.M3Fixtures.DOSSIERS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.m3.Actors;
import be.mhealth.pyramid.m3.M3Fixtures;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every bad query parameter of every list is a 400 problem+json naming it: never a 404, never a 500. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class QueryParameterTest {

    private static final String QUEUE = "/api/v1/m3/review-queue";

    @Inject
    M3Fixtures fixture;

    @Inject
    Actors actors;

    @AfterEach
    void reset() {
        actors.anonymous();
    }

    @Test
    void badPagesAndSizesOfEveryListNameTheParameter() {
        UUID dossier = fixture.submitted(fixture.medisoftApp());
        actors.nina();
        for (String list : List.of(DOSSIERS, DOSSIERS + "/" + dossier + "/history", QUEUE)) {
            for (String bad : List.of("false", "-1", "2147483646", "2147483648", "1.5", "\u0661")) {
                rejects(list, "page", bad);
            }
            for (String bad : List.of("2147483648", "0", "101", "ten", "+5")) {
                rejects(list, "size", bad);
            }
            given().get(list + "?page=0&size=100").then().statusCode(200).body("page", equalTo(0))
                    .body("size", equalTo(100));
        }
    }

    @Test
    void statesAreExactNamesAndRepeatable() {
        UUID submitted = fixture.submitted(fixture.medisoftApp());
        actors.nina();
        // lower case, a full-width S, a Cyrillic Е, a state of another level
        for (String bad : List.of("submitted", "\uFF33UBMITTED", "SUBMITT\u0415D", "IN_REVIEW")) {
            rejects(DOSSIERS, "state", bad);
        }
        given().get(DOSSIERS + "?state=SUBMITTED&state=IN_EVALUATION&size=100").then().statusCode(200)
                .body("items.findAll { it.id == '" + submitted + "' }.state", contains("SUBMITTED"));
        rejects(DOSSIERS, "appId", "42");
        rejects(QUEUE, "overdue", "yes");
        rejects(QUEUE, "overdue", "TRUE");
        given().get(QUEUE + "?overdue=true").then().statusCode(200);
    }

    private static void rejects(String path, String parameter, String value) {
        given().queryParam(parameter, value).get(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(parameter))
                .body("type", containsString("validation"));
    }
}
