package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
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
    DataSource dataSource;

    /** The wait's look-up of the app copy ({@code AppCopyRepository.holds}) as Hibernate sends it. */
    private static final String LOOK_UP = "select %effective_level from app_copy %";

    /** The state of each connection whose last statement was the wait's look-up, sent after {@code since}. */
    private List<String> lookUpStates(OffsetDateTime since) throws Exception {
        List<String> states = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select state from pg_stat_activity where datname = current_database() and query like ? "
                        + "and query_start > ?")) {
            s.setString(1, LOOK_UP);
            s.setObject(2, since);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    states.add(r.getString(1));
                }
            }
        }
        return states;
    }

    private OffsetDateTime databaseNow() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select clock_timestamp()")) {
            r.next();
            return r.getObject(1, OffsetDateTime.class);
        }
    }

    @Test
    void aCreationWaitsForTheAppOutsideAnyTransaction() throws Exception {
        UUID appId = UUID.randomUUID();
        OffsetDateTime sent = databaseNow();
        CompletableFuture<Integer> created = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .body(data.body(appId)).when().post("/api/v1/m1/dossiers").then().extract().statusCode());
        // The request is waiting once its look-ups reach the database (the client may take a while to send it).
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !lookUpStates(sent).isEmpty());
        assertThat(created).as("still waiting for the app").isNotDone();
        // A look-up inside a transaction would leave its connection "idle in transaction" between two looks.
        List<String> states = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            states.addAll(lookUpStates(sent));
            Thread.sleep(20);
        }
        assertThat(states).as("connections of the waiting request").isNotEmpty()
                .noneMatch(state -> state.startsWith("idle in transaction"));

        TopicReader.publish(UUID.randomUUID().toString(), new RegistryEvents.AppRegistered(appId, Actors.MEDISOFT,
                Map.of("en", "Fresh app"), "DIABETES", null, Instant.now()));
        assertThat(created.get()).isEqualTo(201);
    }

    @Test
    void theWaitRefusesToRunInsideATransaction() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> arrival.await(UUID.randomUUID(), null)))
                .isInstanceOf(TransactionalException.class);
    }
}
