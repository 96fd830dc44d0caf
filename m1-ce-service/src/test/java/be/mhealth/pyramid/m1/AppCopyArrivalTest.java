package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

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

    /** Connections of this database that sit in an open transaction without running a statement. */
    private int idleInTransaction() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from pg_stat_activity where datname = current_database() "
                        + "and state like 'idle in transaction%'")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void aCreationWaitsForTheAppOutsideAnyTransaction() throws Exception {
        UUID appId = UUID.randomUUID();
        CompletableFuture<Integer> created = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .body(data.body(appId)).when().post("/api/v1/m1/dossiers").then().extract().statusCode());
        Thread.sleep(500);
        assertThat(created).as("still waiting for the app").isNotDone();
        int held = 0;
        for (int i = 0; i < 10; i++) {
            held = Math.max(held, idleInTransaction());
            Thread.sleep(20);
        }
        assertThat(held).as("connections held in a transaction while the request waits").isZero();

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
