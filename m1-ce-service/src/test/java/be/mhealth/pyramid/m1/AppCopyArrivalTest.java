package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.RegistryEvents;
import be.mhealth.pyramid.support.projection.AppCopyArrival;
import be.mhealth.pyramid.support.projection.AppCopyRepository;
import be.mhealth.pyramid.testing.AppCopyLookUps;
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
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

/**
 * Opening a dossier for an app the local copy does not know yet waits for the registry's event, bounded, and holds no
 * transaction (hence no pooled connection) while it waits (issue 19).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestSecurity(user = Actors.ALICE, roles = "vendor")
@OidcSecurity(claims = @Claim(key = "organization", value = Actors.MEDISOFT))
class AppCopyArrivalTest {

    @Inject
    M1Fixtures data;

    @Inject
    AppCopyArrival arrival;

    @Inject
    AppCopyRepository apps;

    @Inject
    DataSource dataSource;

    @Test
    void aCreationWaitsForTheAppOutsideAnyTransaction() throws Exception {
        // The copy's consumer is at work (its partitions assigned) before the request's bounded wait begins.
        UUID earlier = registered(UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> apps.holds(earlier, null)));
        UUID appId = UUID.randomUUID();
        List<String> states = new ArrayList<>();
        CompletableFuture<Integer> created;
        try (AppCopyLookUps lookUps = AppCopyLookUps.from(dataSource)) {
            created = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                    .body(data.body(appId)).when().post("/api/v1/m1/dossiers").then().extract().statusCode());
            lookUps.awaitFirst();
            assertThat(created).as("still waiting for the app").isNotDone();
            // A look-up inside a transaction would leave its connection "idle in transaction" between two looks.
            for (int i = 0; i < 10; i++) {
                states.addAll(lookUps.states());
                Thread.sleep(20);
            }
        }
        assertThat(states).as("connections of the waiting request").isNotEmpty()
                .noneMatch(state -> state.startsWith("idle in transaction"));

        registered(appId);
        assertThat(created.get()).isEqualTo(201);
    }

    @Test
    void theWaitRefusesToRunInsideATransaction() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> arrival.await(UUID.randomUUID(), null)))
                .isInstanceOf(TransactionalException.class);
    }

    /** The registry's event for a new app, as the registry publishes it. */
    private static UUID registered(UUID appId) {
        TopicReader.publish(UUID.randomUUID().toString(), new RegistryEvents.AppRegistered(appId, Actors.MEDISOFT,
                Map.of("en", "Fresh app"), "DIABETES", null, Instant.now()));
        return appId;
    }
}
