package be.mhealth.pyramid.registry.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** {@code GET /api/v1/labels}: every label in nl, fr and en, cacheable, 304 on a current ETag, 400 on a bad lang. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class LabelsApiTest {

    @Test
    void theLabelsInEachLanguage() {
        given().queryParam("lang", "fr").when().get("/api/v1/labels").then().statusCode(200)
                .header("Content-Language", "fr")
                .header("Cache-Control", "public, max-age=3600")
                .header("Vary", "Accept-Language")
                .body("language", equalTo("fr"))
                .body("categories", aMapWithSize(Category.values().length))
                .body("categories.CARDIOLOGY", equalTo("Cardiologie"))
                .body("platforms.WEB", equalTo("Navigateur web"))
                .body("targetUsers.HEALTHCARE_PROFESSIONAL", equalTo("Professionnels de santé"))
                .body("levels.M3", equalTo("M3 : remboursé par l'INAMI"))
                .body("authorities.FAMHP", equalTo("AFMPS"))
                .body("authorities.NIHDI", equalTo("INAMI"))
                .body("topics.ceMarking", equalTo("Marquage CE"))
                .body("topics.financing", equalTo("Financement"))
                .body("topicStatuses.NOT_ASSESSED", equalTo("Non évalué"))
                .body("criteria.AUTHENTICATION.label", equalTo("Connexion sécurisée"))
                .body("criteria.AUTHENTICATION.topic", equalTo("communicationSecurity"))
                .body("criteria.INTEROPERABILITY.topic", equalTo("interoperability"))
                .body("criteria.SECURITY.explanation", equalTo("Les données sont chiffrées pendant leur transport et "
                        + "envoyées aux prestataires de soins par l'eHealthBox."))
                .body("delistingReasons.CERTIFICATE_EXPIRED", equalTo("Le certificat CE a expiré"))
                .body("marketWithdrawalReasons.SAFETY", equalTo("Raisons de sécurité"))
                .body("reimbursementKinds.DEFINITIVE", equalTo("Remboursement définitif"))
                .body("reimbursementUnits.PER_PATIENT_PER_MONTH", equalTo("par patient et par mois"))
                .body("legalBases.CONSENT", equalTo("Le consentement de l'utilisateur"))
                .body("dataAreas.EU_EEA", equalTo("Dans l'Union européenne ou l'Espace économique européen"))
                .body("transferMechanisms.STANDARD_CONTRACTUAL_CLAUSES", equalTo("clauses contractuelles types"));
        given().queryParam("lang", "nl").when().get("/api/v1/labels").then().statusCode(200)
                .header("Content-Language", "nl")
                .body("authorities.FAMHP", equalTo("FAGG"))
                .body("authorities.NIHDI", equalTo("RIZIV"))
                .body("authorities.EHEALTH", equalTo("eHealth-platform"))
                .body("categories.CARDIOLOGY", equalTo("Cardiologie"))
                .body("topics.dataProtection", equalTo("Gegevensbescherming"));
        given().queryParam("lang", "en").when().get("/api/v1/labels").then().statusCode(200)
                .body("language", equalTo("en"))
                .body("categories.MENTAL_HEALTH", equalTo("Mental health"))
                .body("topics.communicationSecurity", equalTo("Communication security"));
    }

    @Test
    void theLanguagesDifferAndAcceptLanguageChoosesWithoutLang() {
        Set<String> texts = new HashSet<>();
        for (String lang : List.of("nl", "fr", "en")) {
            texts.add(given().queryParam("lang", lang).get("/api/v1/labels").then().extract()
                    .path("topics.interoperability") + "/" + given().queryParam("lang", lang).get("/api/v1/labels")
                            .then().extract().path("categories.RESPIRATORY"));
        }
        assertThat(texts).hasSize(3);
        given().header("Accept-Language", "fr-BE, nl;q=0.8").when().get("/api/v1/labels").then().statusCode(200)
                .header("Content-Language", "fr").body("topics.ceMarking", equalTo("Marquage CE"));
        // German is a catalog language, but labels exist in nl, fr and en: English, and the response says so.
        given().queryParam("lang", "de").when().get("/api/v1/labels").then().statusCode(200)
                .header("Content-Language", "en").body("language", equalTo("en"));
    }

    @Test
    void anUnknownLanguageIsA400NamingTheParameter() {
        given().queryParam("lang", "es").when().get("/api/v1/labels").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://pyramid.mhealth.be/problems/validation"))
                .body("errors.field", hasItem("lang"));
    }

    @Test
    void aCurrentETagGets304AndEachLanguageHasItsOwn() {
        Response fr = given().queryParam("lang", "fr").get("/api/v1/labels");
        String etag = fr.header("ETag");
        assertThat(etag).isNotBlank();
        given().queryParam("lang", "fr").header("If-None-Match", etag).when().get("/api/v1/labels").then()
                .statusCode(304).header("ETag", etag).header("Cache-Control", "public, max-age=3600");
        String nl = given().queryParam("lang", "nl").get("/api/v1/labels").header("ETag");
        assertThat(nl).isNotEqualTo(etag);
        given().queryParam("lang", "nl").header("If-None-Match", etag).when().get("/api/v1/labels").then()
                .statusCode(200);
    }
}
