package be.mhealth.pyramid.m1;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.m1.service.AttachmentService;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * PDF attachments: both upload forms, the PDF check, the size cap (64 KiB in tests) and the count cap (4 in tests),
 * SHA-256, download.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@TestSecurity(user = "alice", roles = "vendor")
@OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
class AttachmentTest {

    private static final int CAP = 64 * 1024;

    @Inject
    M1Fixtures data;

    @Inject
    Clock clock;

    private String attachments(M1DossierState status) {
        M1Dossier d = data.dossier("medisoft", status, PlatformCalendar.today(clock).plusYears(2));
        return "/api/v1/m1/dossiers/" + d.id() + "/attachments";
    }

    private static byte[] pdfOf(int size) {
        byte[] bytes = Arrays.copyOf(M1Fixtures.PDF, size);
        Arrays.fill(bytes, M1Fixtures.PDF.length, size, (byte) ' ');
        return bytes;
    }

    @Test
    void aRawPdfIsStoredHashedListedAndDownloadable() {
        String path = attachments(M1DossierState.DRAFT);
        byte[] pdf = pdfOf(CAP);
        Response created = given().contentType("application/pdf").queryParam("kind", "DECLARATION_OF_CONFORMITY")
                .queryParam("fileName", "doc \"v2\".pdf").body(pdf)
                .when().post(path)
                .then().statusCode(201)
                .body("kind", equalTo("DECLARATION_OF_CONFORMITY"))
                .body("fileName", equalTo("doc _v2_.pdf"))
                .body("sizeBytes", equalTo(CAP))
                .body("sha256", equalTo(AttachmentService.sha256(pdf)))
                .body("uploadedBy", equalTo("alice"))
                .extract().response();
        String id = created.path("id");

        given().when().get(path).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.kind", hasItem("DECLARATION_OF_CONFORMITY"))
                .body("items.id", hasItem(id));

        Response download = given().when().get(created.header("Location"))
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", "attachment; filename=\"doc _v2_.pdf\"")
                .extract().response();
        assertThat(download.asByteArray()).isEqualTo(pdf);
        assertThat(download.header("Repr-Digest")).isEqualTo("sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(AttachmentService.sha256(pdf))) + ":");
    }

    @Test
    void aMultipartUploadNeedsAValidKindAndAFile() {
        String path = attachments(M1DossierState.DRAFT);
        given().multiPart("kind", "PHOTO").multiPart("file", "x.pdf", M1Fixtures.PDF, "application/pdf")
                .when().post(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("kind"));
        given().multiPart("file", "x.pdf", M1Fixtures.PDF, "application/pdf")
                .when().post(path)
                .then().statusCode(400).body("errors.field", hasItem("kind"));
        given().multiPart("kind", "CE_CERTIFICATE")
                .when().post(path)
                .then().statusCode(400).body("errors.field", hasItem("file"));
        given().contentType("application/pdf").body(M1Fixtures.PDF)
                .when().post(path)
                .then().statusCode(400).body("errors.field", hasItem("kind"));
    }

    @Test
    void aMalformedMultipartBodyIsAClientError() {
        String path = attachments(M1DossierState.DRAFT);
        given().contentType("multipart/form-data; boundary=abc").body("--abc\r\nnot a part at all".getBytes(StandardCharsets.US_ASCII))
                .when().post(path)
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get(path).then().body("total", equalTo(1));
    }

    @Test
    void onlyPdfsAreAccepted() {
        String path = attachments(M1DossierState.DRAFT);
        given().multiPart("kind", "CE_CERTIFICATE").multiPart("file", "cert.pdf", "GIF89a not a pdf".getBytes(),
                "application/pdf")
                .when().post(path)
                .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem("file"));
        given().contentType("application/pdf").queryParam("kind", "CE_CERTIFICATE").body(new byte[0])
                .when().post(path)
                .then().statusCode(422).body("errors.field", hasItem("file"));
        given().when().get(path).then().body("total", equalTo(1));
    }

    @Test
    void aFileAboveTheCapIs413() {
        String path = attachments(M1DossierState.DRAFT);
        byte[] tooBig = pdfOf(CAP + 1);
        given().contentType("application/pdf").queryParam("kind", "CE_CERTIFICATE").body(tooBig)
                .when().post(path)
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://pyramid.mhealth.be/problems/payload-too-large"));
        given().multiPart("kind", "CE_CERTIFICATE").multiPart("file", "big.pdf", tooBig, "application/pdf")
                .when().post(path)
                .then().statusCode(413).contentType("application/problem+json");
        given().when().get(path).then().body("total", equalTo(1));
    }

    @Test
    void attachmentsAreFrozenOnceSubmitted() {
        String path = attachments(M1DossierState.SUBMITTED);
        given().contentType("application/pdf").queryParam("kind", "CE_CERTIFICATE").body(M1Fixtures.PDF)
                .when().post(path)
                .then().statusCode(409).contentType("application/problem+json")
                .body("currentState", equalTo("SUBMITTED"));
        given().when().get(path + "/" + UUID.randomUUID() + "/content").then().statusCode(404);
    }

    @Test
    void aDossierHoldsALimitedNumberOfAttachments() {
        String path = attachments(M1DossierState.INFO_REQUESTED);
        for (int i = 2; i <= 4; i++) {
            given().contentType("application/pdf").queryParam("kind", "DECLARATION_OF_CONFORMITY").body(M1Fixtures.PDF)
                    .when().post(path).then().statusCode(201);
        }
        given().contentType("application/pdf").queryParam("kind", "DECLARATION_OF_CONFORMITY").body(M1Fixtures.PDF)
                .when().post(path)
                .then().statusCode(422).body("errors.field", hasItem("attachments"));
        given().when().get(path).then().body("total", equalTo(4));
    }
}
