package be.mhealth.pyramid.registry.operations;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static be.mhealth.pyramid.registry.RegistryFixtures.m1Granted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.net.URL;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicWriter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** The operators' API of the registry's parked events: who may use it, what it refuses, how it is documented. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ParkedEventsApiTest {

    /** Health details and metrics are on the management interface (a port of its own). */
    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    private String management(String path) {
        return managementUrl.getProtocol() + "://" + managementUrl.getHost() + ":" + managementUrl.getPort() + path;
    }

    static final String ADMIN = "/api/v1/admin/registry/parked-events";

    @Inject
    RegistryFixtures fixtures;

    @Test
    void withoutATokenIs401() {
        given().when().get(ADMIN).then().statusCode(401).contentType("application/problem+json");
        given().when().post(ADMIN + "/1/retry").then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    void vendorsAre403() {
        given().when().get(ADMIN).then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reason", "x")).when().post(ADMIN + "/1/discard")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void assessorsAre403() {
        given().when().get(ADMIN).then().statusCode(403);
        given().when().post(ADMIN + "/1/retry").then().statusCode(403);
    }

    @ParameterizedTest
    @CsvSource({ "page,-1", "page,abc", "page,1e3", "size,0", "size,101", "size,ten", "status,LOST", "status,parked" })
    @TestSecurity(user = "ada", roles = "platform-admin")
    void aBadParameterIs400NamingIt(String parameter, String value) {
        given().queryParam(parameter, value).when().get(ADMIN).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    @TestSecurity(user = "ada", roles = "platform-admin")
    void listsPageByPageFilteredByStatus() {
        UUID app = fixtures.create(body("Listed parked"), "medisoft");
        TopicWriter.event(m1Granted(app, UUID.randomUUID(), LocalDate.now().plusYears(2)))
                .header("ce_source", "/somewhere-else").send();
        long id = fixtures.awaitParked(app, 1).get(0).id();

        given().queryParam("status", "PARKED").queryParam("size", 100).when().get(ADMIN).then().statusCode(200)
                .body("items.id", hasItem((int) id))
                .body("items.status", everyItem(equalTo("PARKED")))
                .body("page", equalTo(0)).body("size", equalTo(100)).body("total", greaterThanOrEqualTo(1));
        given().queryParam("status", "DISCARDED").queryParam("size", 100).when().get(ADMIN).then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        given().queryParam("page", 999_999_999).when().get(ADMIN).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", greaterThanOrEqualTo(1));

        given().when().get(management("/q/health/ready")).then().statusCode(200)
                .body("checks.find { it.name == 'parked-events' }.status", equalTo("UP"));

        given().contentType(ContentType.JSON).body(Map.of("reason", "r".repeat(Limits.REASON + 1)))
                .when().post(ADMIN + "/" + id + "/discard").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body(Map.of()).when().post(ADMIN + "/" + id + "/discard")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "test record from nowhere"))
                .when().post(ADMIN + "/" + id + "/discard").then().statusCode(200);
        given().when().post(ADMIN + "/" + id + "/retry").then().statusCode(409)
                .body("currentState", equalTo("DISCARDED"));
    }

    @Test
    @TestSecurity(user = "ada", roles = "platform-admin")
    void anotherServicesSegmentOrAnUnknownEventIs404() {
        given().when().get("/api/v1/admin/m1/parked-events").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get(ADMIN + "/987654321").then().statusCode(404).contentType("application/problem+json");
        given().when().post(ADMIN + "/987654321/retry").then().statusCode(404);
    }

    @Test
    void theDocumentNamesTheRoutesUnderTheServicesOwnSegment() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/v1/admin/registry/parked-events"))
                .body("paths", hasKey("/api/v1/admin/registry/parked-events/{id}/retry"))
                .body("paths", not(hasKey("/api/v1/admin/{service}/parked-events")))
                .body("paths.'/api/v1/admin/registry/parked-events'.get.operationId",
                        equalTo("listRegistryParkedEvents"))
                .body("paths.'/api/v1/admin/registry/parked-events/{id}/discard'.post.operationId",
                        equalTo("discardRegistryParkedEvent"))
                .body("paths.'/api/v1/admin/registry/parked-events'.get.parameters.name", not(hasItem("service")));
    }
}
