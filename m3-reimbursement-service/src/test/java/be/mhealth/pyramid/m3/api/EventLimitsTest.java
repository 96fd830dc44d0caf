package be.mhealth.pyramid.m3.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.events.M3Events;
import be.mhealth.pyramid.m3.Actors;
import be.mhealth.pyramid.m3.M3Fixtures;
import be.mhealth.pyramid.m3.domain.FinancingUnit;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What M3 accepts is what the event contract carries and every consumer stores: the request limits are the contract's
 * ({@link Limits}); one character more is a 400 naming the field, and exactly the limit goes out unchanged.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class EventLimitsTest {

    @Inject
    M3Fixtures fixture;

    @Inject
    Actors actors;

    @Inject
    EntityManager em;

    @AfterEach
    void reset() {
        actors.anonymous();
    }

    @Test
    void theRequestLimitsAreTheContracts() throws Exception {
        for (Class<?> request : M3DecisionRequest.class.getPermittedSubclasses()) {
            assertThat(request.getDeclaredField("reason").getAnnotation(Size.class).max()).as(request.getSimpleName())
                    .isEqualTo(Limits.REASON);
        }
        assertThat(M3ReasonRequest.class.getDeclaredField("reason").getAnnotation(Size.class).max())
                .isEqualTo(Limits.REASON);
        for (Class<?> approval : List.of(M3DecisionRequest.ApprovedTemporary.class,
                M3DecisionRequest.ApprovedDefinitive.class)) {
            Digits amount = approval.getDeclaredField("amount").getAnnotation(Digits.class);
            assertThat(amount.integer()).isEqualTo(Limits.AMOUNT_INTEGER_DIGITS);
            assertThat(amount.fraction()).isEqualTo(Limits.AMOUNT_FRACTION_DIGITS);
        }
        assertThat(Arrays.stream(FinancingUnit.values()).mapToInt(u -> u.name().length()).max().orElseThrow())
                .isLessThanOrEqualTo(Limits.UNIT);
        assertThat("789012".length()).as("nomenclature codes are 6 digits (M3DecisionRequest's pattern)")
                .isLessThanOrEqualTo(Limits.NOMENCLATURE_CODE);
    }

    @Test
    void theColumnsHoldWhatTheContractAllows() {
        Map<String, Integer> widths = new java.util.HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            List<?> rows = em.createNativeQuery("select table_name || '.' || column_name, character_maximum_length "
                    + "from information_schema.columns where table_schema = current_schema() "
                    + "and table_name in ('dossier', 'dossier_transition') and character_maximum_length is not null")
                    .getResultList();
            for (Object row : rows) {
                Object[] cells = (Object[]) row;
                widths.put((String) cells[0], ((Number) cells[1]).intValue());
            }
        });
        assertThat(widths).containsEntry("dossier.decided_by", Limits.ACTOR)
                .containsEntry("dossier.created_by", Limits.ACTOR)
                .containsEntry("dossier_transition.actor", Limits.ACTOR);
        assertThat(widths.get("dossier.organization_id")).isGreaterThanOrEqualTo(Limits.ORGANIZATION_ID);
        assertThat(widths.get("dossier.nomenclature_code")).isGreaterThanOrEqualTo(Limits.NOMENCLATURE_CODE);
        assertThat(widths.get("dossier.granted_unit")).isGreaterThanOrEqualTo(Limits.UNIT);
        assertThat(widths.get("dossier_transition.acted_by")).isGreaterThanOrEqualTo(Limits.ACTED_BY);
        assertThat(widths.get("dossier_transition.action")).isGreaterThanOrEqualTo(Limits.DOSSIER_ACTION);
        assertThat(widths.get("dossier_transition.to_state")).isGreaterThanOrEqualTo(Limits.DOSSIER_STATE);
    }

    @Test
    void aDeclineReasonOfOneCharacterMoreIs400AndExactlyTheLimitIsPublishedWhole() {
        UUID appId = fixture.medisoftApp();
        UUID id = fixture.inEvaluation(appId);

        fixture.decide(id, Map.of("outcome", "DECLINED", "reason", "r".repeat(Limits.REASON + 1))).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("reason"));

        String reason = "NIHDI: " + "r".repeat(Limits.REASON - 7);
        fixture.decide(id, Map.of("outcome", "DECLINED", "reason", reason)).statusCode(200)
                .body("state", equalTo("DECLINED"));
        M3Events.M3Declined declined = TopicReader.await(EventType.M3_DECLINED, appId)
                .payload(M3Events.M3Declined.class);
        assertThat(declined.reason()).isEqualTo(reason).hasSize(Limits.REASON);
    }

    @Test
    void operatorsReachM3sParkedEventsUnderItsOwnSegment() {
        actors.as("ada", "platform-admin", null);
        given().when().get("/api/v1/admin/m3/parked-events").then().statusCode(200).body("page", equalTo(0));
        actors.nina();
        given().when().get("/api/v1/admin/m3/parked-events").then().statusCode(403);
    }
}
