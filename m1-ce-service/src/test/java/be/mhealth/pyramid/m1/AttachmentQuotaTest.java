package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * Per-organization quotas on attachments ({@code pyramid.m1.attachments.max-per-organization} and
 * {@code max-total-size-per-organization}; 3 files and 1 KiB here): beyond either, 422 {@code quota-exceeded}
 * naming the file; other organizations are not affected.
 */
@QuarkusTest
@TestProfile(AttachmentQuotaTest.SmallQuotas.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestSecurity(user = Actors.ALICE, roles = "vendor")
class AttachmentQuotaTest {

    public static class SmallQuotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pyramid.m1.attachments.max-per-organization", "3",
                    "pyramid.m1.attachments.max-total-size-per-organization", "1K");
        }
    }

    @Inject
    M1Fixtures data;

    @Inject
    Clock clock;

    /** A draft of {@code organization}, holding one fixture attachment (the CE certificate). */
    private String attachmentsOfANewDraft(String organization) {
        M1Dossier d = data.dossier(organization, M1DossierState.DRAFT, PlatformCalendar.today(clock).plusYears(2));
        return "/api/v1/m1/dossiers/" + d.id() + "/attachments";
    }

    private static ValidatableResponse upload(String path, byte[] pdf) {
        return given().contentType("application/pdf").queryParam("kind", "DECLARATION_OF_CONFORMITY").body(pdf)
                .when().post(path).then();
    }

    private static byte[] pdfOf(int size) {
        byte[] bytes = Arrays.copyOf(M1Fixtures.PDF, size);
        Arrays.fill(bytes, M1Fixtures.PDF.length, size, (byte) ' ');
        return bytes;
    }

    @Test
    @OidcSecurity(claims = @Claim(key = "organization", value = "quota-count"))
    void anOrganizationHoldsALimitedNumberOfAttachmentsOverAllItsDossiers() {
        String first = attachmentsOfANewDraft("quota-count");
        String second = attachmentsOfANewDraft("quota-count");
        upload(first, M1Fixtures.PDF).statusCode(201);
        upload(second, M1Fixtures.PDF).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://pyramid.mhealth.be/problems/quota-exceeded"))
                .body("title", equalTo("Quota exceeded"))
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString("holds 3 attachments"));
        given().when().get(second).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    @OidcSecurity(claims = @Claim(key = "organization", value = "quota-bytes"))
    void anOrganizationHoldsALimitedNumberOfBytes() {
        String path = attachmentsOfANewDraft("quota-bytes");
        int held = M1Fixtures.PDF.length;
        upload(path, pdfOf(1024 - held + 1)).statusCode(422)
                .body("type", equalTo("https://pyramid.mhealth.be/problems/quota-exceeded"))
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString("quota of 1024 bytes"));
        upload(path, pdfOf(1024 - held)).statusCode(201);
        upload(path, M1Fixtures.PDF).statusCode(422);
    }

    @Test
    @OidcSecurity(claims = @Claim(key = "organization", value = "quota-other"))
    void anotherOrganizationIsNotAffected() {
        upload(attachmentsOfANewDraft("quota-other"), M1Fixtures.PDF).statusCode(201);
    }
}
