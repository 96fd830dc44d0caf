package be.mhealth.pyramid.m2;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Without a token: health and the public rule table answer, dossiers are a 401 problem. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class M2PlatformTest {

    @Test
    void healthIsUp() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void dossiersNeedAToken() {
        given().get("/api/v1/m2/dossiers").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().contentType("application/json").body("{}").post("/api/v1/m2/dossiers/" + java.util.UUID.randomUUID()
                + "/decision").then().statusCode(401);
    }

    @Test
    void theRuleTableIsPublic() {
        given().get("/api/v1/m2/criteria-rules").then().statusCode(200)
                .body("rules.size()", equalTo(9));
    }
}
