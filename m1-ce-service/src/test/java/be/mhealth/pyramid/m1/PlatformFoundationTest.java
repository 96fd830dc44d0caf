package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.net.URL;
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
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class PlatformFoundationTest {

    @Inject
    AppCopyRepository apps;

    @TestHTTPResource(value = "/", management = true)
    URL managementUrl;

    @TestHTTPResource("/")
    URL publicUrl;

    @Test
    void healthIsUpWithDatabaseAndKafka() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theOpenApiDocumentNamesOperationsAndSchemasForTheLevel() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("openapi", containsString("3."))
                .body("paths", hasKey("/api/v1/m1/dossiers/{id}/attachments/{attachmentId}/content"))
                .body("paths.'/api/v1/m1/dossiers/{id}/decision'.post.operationId", equalTo("decideM1Dossier"))
                .body("paths.'/api/v1/m1/dossiers/{id}/decision'.post.security[0]", hasKey("oidc"))
                .body("paths.'/api/v1/m1/dossiers/{id}/history'.get.operationId", equalTo("getM1DossierHistory"))
                .body("paths.'/api/v1/m1/review-queue'.get.operationId", equalTo("listM1ReviewQueue"))
                .body("components.schemas", hasKey("M1Dossier"))
                .body("components.schemas", hasKey("M1DossierPage"))
                .body("components.schemas", hasKey("M1HistoryEntry"))
                .body("components.schemas", hasKey("M1ReviewQueueEntry"))
                .body("components.schemas", hasKey("M1DossierState"))
                .body("components.schemas", hasKey("M1DossierAction"))
                .body("components.schemas.M1DecisionRequest.discriminator.propertyName", equalTo("outcome"))
                .body("components.schemas.M1ReviewQueueEntry.properties", hasKey("dueDate"))
                .body("paths.'/api/v1/m1/review-queue'.get.parameters.name", hasItem("expiringWithinDays"))
                .body("paths.'/api/v1/m1/dossiers/{id}/certificate-extension'.post.operationId",
                        equalTo("extendM1Certificate"))
                .body("components.schemas.M1DossierRequest.required", hasItem("certificate"))
                .body("paths.'/api/v1/m1/dossiers/{id}/decision'.post.responses.'409'.'$ref'",
                        equalTo("#/components/responses/Conflict"))
                .body("paths.'/api/v1/m1/dossiers'.post.responses", hasKey("422"));
    }

    @Test
    void healthDetailsAndMetricsAreOnTheManagementInterfaceOnly() {
        String management = managementUrl.getProtocol() + "://" + managementUrl.getHost() + ":"
                + managementUrl.getPort();
        given().when().get(management + "/q/metrics").then().statusCode(200);
        given().when().get(management + "/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Database connections health check"));
        given().when().get("/q/health/ready").then().statusCode(200).body(equalTo("{\"status\":\"UP\"}"));
        given().when().get("/q/metrics").then().statusCode(404);
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
            // a level change carries no name: the one registered stays
            return copy != null && copy.effectiveLevel == Level.M1 && copy.organizationId.equals("org-a")
                    && Map.of("en", "X").equals(copy.name);
        }));
    }
}
