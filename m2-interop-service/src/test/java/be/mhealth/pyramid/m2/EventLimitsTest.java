package be.mhealth.pyramid.m2;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.events.M2Events;
import be.mhealth.pyramid.m2.api.M2DecisionRequest;
import be.mhealth.pyramid.m2.api.M2ReasonRequest;
import be.mhealth.pyramid.m2.domain.Criterion;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * What M2 accepts is what the event contract carries and every consumer stores: the request limits are the contract's
 * ({@link Limits}); one character more is a 400 naming the field, and exactly the limit goes out unchanged.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestSecurity(user = "alice", roles = "vendor")
@OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
class EventLimitsTest extends M2Fixtures {

    @Test
    void theRequestLimitsAreTheContracts() throws Exception {
        for (Class<?> request : List.of(M2ReasonRequest.class, M2DecisionRequest.Approved.class,
                M2DecisionRequest.Rejected.class, M2DecisionRequest.InfoRequested.class)) {
            assertThat(request.getDeclaredField("reason").getAnnotation(Size.class).max()).as(request.getName())
                    .isEqualTo(Limits.REASON);
        }
        assertThat(Criterion.values().length).isLessThanOrEqualTo(Limits.CRITERIA);
        assertThat(Arrays.stream(Criterion.values()).mapToInt(c -> c.name().length()).max().orElseThrow())
                .isLessThanOrEqualTo(Limits.CRITERION);
    }

    @Test
    void aRejectionReasonOfOneCharacterMoreIs400AndExactlyTheLimitIsPublishedWhole() {
        String id = dossierInReview(answers(false, false, false, false, false));
        UUID appId = UUID.fromString(given().get(DOSSIERS + "/" + id).then().extract().path("appId"));

        decide(id, "REJECTED", "r".repeat(Limits.REASON + 1)).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("reason"));

        String reason = "eHealth: " + "r".repeat(Limits.REASON - 9);
        decide(id, "REJECTED", reason).statusCode(200).body("state", equalTo("REJECTED"));
        M2Events.M2Rejected rejected = TopicReader.await(EventType.M2_REJECTED, appId)
                .payload(M2Events.M2Rejected.class);
        assertThat(rejected.reason()).isEqualTo(reason).hasSize(Limits.REASON);
    }

    @Test
    void operatorsReachM2sParkedEventsUnderItsOwnSegment() {
        Actors.as("ada", null, "platform-admin");
        given().when().get("/api/v1/admin/m2/parked-events").then().statusCode(200).body("page", equalTo(0));
        Actors.alice();
        given().when().get("/api/v1/admin/m2/parked-events").then().statusCode(403);
    }
}
