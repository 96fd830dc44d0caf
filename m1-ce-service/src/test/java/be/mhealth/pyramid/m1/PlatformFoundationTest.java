package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.RegistryEvents;
import be.mhealth.pyramid.support.projection.AppCopy;
import be.mhealth.pyramid.support.projection.AppCopyRepository;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PlatformFoundationTest {

    @Inject
    AppCopyRepository apps;

    @Test
    void healthIsUpWithDatabaseAndKafka() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiAndMetricsAreServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", containsString("3."))
                .body("paths", hasKey("/api/v1/m1/dossiers/{id}/decision"))
                .body("paths", hasKey("/api/v1/m1/dossiers/{id}/attachments/{attachmentId}/content"))
                .body("paths", hasKey("/api/v1/m1/review-queue"))
                .body("paths.'/api/v1/m1/dossiers/{id}/decision'.post.security[0]", hasKey("bearer"))
                .body("paths.'/api/v1/m1/dossiers/{id}/decision'.post.responses.'409'.content",
                        hasKey("application/problem+json"))
                .body("paths.'/api/v1/m1/dossiers'.post.responses", hasKey("422"));
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void registryAppEventsFeedTheLocalCopyOnce() {
        UUID appId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        var registered = new RegistryEvents.AppRegistered(appId, "org-a", Map.of("en", "X"), "DIABETES", null,
                Instant.now());
        TopicReader.publish(eventId, registered);
        TopicReader.publish(eventId, registered);
        TopicReader.publish(UUID.randomUUID().toString(), new RegistryEvents.AppLevelChanged(appId, "org-a", null,
                Level.M1, "cause", "be.mhealth.pyramid.m1.granted.v1", Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            AppCopy copy = apps.findById(appId);
            return copy != null && copy.effectiveLevel == Level.M1 && copy.organizationId.equals("org-a");
        }));
    }
}
