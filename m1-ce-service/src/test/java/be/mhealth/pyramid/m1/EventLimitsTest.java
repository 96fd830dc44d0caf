package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Arrays;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Limits;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.m1.api.M1Certificate;
import be.mhealth.pyramid.m1.api.M1DecisionRequest;
import be.mhealth.pyramid.m1.api.M1ExpiryRequest;
import be.mhealth.pyramid.m1.api.M1GdprDeclaration;
import be.mhealth.pyramid.m1.api.M1ReasonRequest;
import be.mhealth.pyramid.m1.domain.DataArea;
import be.mhealth.pyramid.m1.domain.DeviceClass;
import be.mhealth.pyramid.m1.domain.LegalBasis;
import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.m1.domain.Regulation;
import be.mhealth.pyramid.m1.domain.TransferMechanism;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * What M1 accepts is what the event contract carries and every consumer stores: the request limits are the contract's
 * ({@link Limits}); one character more is a 400 naming the field, and exactly the limit goes out unchanged.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class EventLimitsTest {

    @Inject
    M1Fixtures data;

    @Test
    void theRequestLimitsAreTheContracts() throws Exception {
        assertThat(max(M1ReasonRequest.class, "reason")).isEqualTo(Limits.REASON);
        assertThat(max(M1DecisionRequest.Approved.class, "reason")).isEqualTo(Limits.REASON);
        assertThat(max(M1DecisionRequest.Rejected.class, "reason")).isEqualTo(Limits.REASON);
        assertThat(max(M1DecisionRequest.InfoRequested.class, "reason")).isEqualTo(Limits.REASON);
        assertThat(max(M1ExpiryRequest.class, "reason")).isEqualTo(Limits.REASON);
        assertThat(max(M1Certificate.class, "number")).isEqualTo(Limits.CERTIFICATE_NUMBER);
        assertThat(Arrays.stream(Regulation.values()).mapToInt(r -> r.name().length()).max().orElseThrow())
                .isLessThanOrEqualTo(Limits.REGULATION);
        assertThat(Arrays.stream(DeviceClass.values()).mapToInt(c -> c.name().length()).max().orElseThrow())
                .isLessThanOrEqualTo(Limits.DEVICE_CLASS);
        // the GDPR declaration and the notified body travel with the grant (M1Granted)
        assertThat(max(M1GdprDeclaration.class, "dpoContact")).isEqualTo(Limits.DPO_CONTACT);
        assertThat(max(M1GdprDeclaration.class, "privacyPolicyUrl")).isEqualTo(Limits.PRIVACY_POLICY_URL);
        assertThat(Arrays.stream(LegalBasis.values()).mapToInt(c -> c.name().length()).max().orElseThrow())
                .isLessThanOrEqualTo(Limits.LEGAL_BASIS);
        assertThat(Arrays.stream(DataArea.values()).mapToInt(c -> c.name().length()).max().orElseThrow())
                .isLessThanOrEqualTo(Limits.DATA_AREA);
        assertThat(Arrays.stream(TransferMechanism.values()).mapToInt(c -> c.name().length()).max().orElseThrow())
                .isLessThanOrEqualTo(Limits.TRANSFER_MECHANISM);
        assertThat(M1Certificate.class.getDeclaredField("notifiedBody").getAnnotation(Pattern.class).regexp())
                .isEqualTo("\\d{" + Limits.NOTIFIED_BODY + "}");
        assertThat(M1GdprDeclaration.DataLocation.class.getDeclaredField("country").getAnnotation(Pattern.class)
                .regexp()).isEqualTo("[A-Z]{" + Limits.COUNTRY_CODE + "}");
    }

    @Test
    @TestSecurity(user = "fiona", roles = "famhp-assessor")
    void aRevocationReasonOfOneCharacterMoreIs400AndExactlyTheLimitIsPublishedWhole() {
        M1Dossier dossier = data.dossier("medisoft", M1DossierState.APPROVED, data.today().plusYears(2));
        String path = "/api/v1/m1/dossiers/" + dossier.id() + "/revocation";

        given().contentType(ContentType.JSON).body(Map.of("reason", "r".repeat(Limits.REASON + 1))).when().post(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("reason"));

        String reason = "FAMHP: " + "r".repeat(Limits.REASON - 7);
        given().contentType(ContentType.JSON).body(Map.of("reason", reason)).when().post(path)
                .then().statusCode(200).body("state", equalTo("REVOKED"));
        M1Events.M1Revoked revoked = TopicReader.await(EventType.M1_REVOKED, dossier.appId())
                .payload(M1Events.M1Revoked.class);
        assertThat(revoked.reason()).isEqualTo(reason).hasSize(Limits.REASON);
    }

    @Test
    @TestSecurity(user = "ada", roles = "platform-admin")
    void operatorsReachM1sParkedEventsUnderItsOwnSegment() {
        given().when().get("/api/v1/admin/m1/parked-events").then().statusCode(200).body("page", equalTo(0));
        given().when().get("/api/v1/admin/registry/parked-events").then().statusCode(404);
    }

    /** The {@code @Size(max)} on a request record's component. */
    static int max(Class<? extends Record> request, String component) throws NoSuchFieldException {
        return request.getDeclaredField(component).getAnnotation(Size.class).max();
    }
}
