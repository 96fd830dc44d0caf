package be.mhealth.pyramid.registry.opendata;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static be.mhealth.pyramid.registry.RegistryFixtures.child;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DeviceDefinition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.registry.api.fhir.FhirUrls;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class FhirTest {

    private static final String R4 = "/fhir/r4/";
    private static final String TOKEN = "fhir" + UUID.randomUUID().toString().substring(0, 6);
    private static UUID heart;
    private static UUID lung;
    private static UUID sleep;
    private static UUID gone;
    private static UUID draft;
    /** The day the fixtures were fed: their certificate and reimbursement dates count from it, past midnight too. */
    private static LocalDate seededOn;

    @Inject
    RegistryFixtures fixtures;

    /** Heart (M3, with German texts), Lung (M2), Sleep (M1), Gone (listed, then M1 revoked), a draft. */
    @BeforeEach
    void seed() {
        if (heart != null) {
            return;
        }
        seededOn = LocalDate.now();
        Map<String, Object> h = body(TOKEN + " Heart");
        child(h, "name").put("de", TOKEN + " Herz");
        child(h, "summary").put("de", "Misst den Herzrhythmus.");
        h.put("category", "CARDIOLOGY");
        heart = fixtures.create(h, "medisoft");
        fixtures.raiseTo(heart, Level.M3);
        Map<String, Object> l = body(TOKEN + " Lung");
        l.put("category", "RESPIRATORY");
        lung = fixtures.create(l, "carelab");
        fixtures.raiseTo(lung, Level.M2);
        Map<String, Object> s = body(TOKEN + " Sleep");
        s.put("category", "SLEEP");
        s.put("targetUsers", new ArrayList<>(List.of("PATIENT")));
        sleep = fixtures.create(s, "carelab");
        fixtures.raiseTo(sleep, Level.M1);
        gone = fixtures.create(body(TOKEN + " Gone"), "carelab");
        fixtures.raiseTo(gone, Level.M1);
        fixtures.feed(new M1Events.M1Revoked(gone, null, "withdrawn", "fiona", Instant.now()));
        draft = fixtures.create(body(TOKEN + " Draft"), "carelab");
    }

    @Test
    void theCapabilityStatementSaysWhatIsServed() {
        Response json = fhir().get(R4 + "metadata");
        json.then().statusCode(200).contentType("application/fhir+json");
        CapabilityStatement capabilities = FhirChecks.json(json.asString(), CapabilityStatement.class);
        assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(capabilities.getFormat()).extracting(f -> f.getValue()).containsExactly("json", "xml");
        CapabilityStatement.CapabilityStatementRestComponent rest = capabilities.getRestFirstRep();
        assertThat(rest.getResource()).extracting(r -> r.getType())
                .containsExactly("DeviceDefinition", "ChargeItemDefinition");
        assertThat(rest.getResource().get(0).getSearchParam()).extracting(p -> p.getName())
                .containsExactly("_id", "name", "level", "category", "_lastUpdated");
        assertThat(rest.getResource().get(1).getSearchParam()).extracting(p -> p.getName())
                .containsExactly("_id", "device");

        String xml = fhir().queryParam("_format", "xml").get(R4 + "metadata").then().statusCode(200)
                .contentType("application/fhir+xml").extract().asString();
        FhirChecks.xml(xml, CapabilityStatement.class);
        fhir().accept("application/fhir+xml").get(R4 + "metadata").then().statusCode(200)
                .contentType("application/fhir+xml");
    }

    @Test
    void searchByNameGivesAValidSearchsetWithTheAppInEveryLanguage() {
        Bundle bundle = search("name=" + TOKEN + "%20Heart", "en");
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getTotal()).isEqualTo(1);
        assertThat(bundle.getLink("self").getUrl()).startsWith("http").endsWith(R4 + "DeviceDefinition?name="
                + TOKEN + "%20Heart&_count=20");
        Bundle.BundleEntryComponent entry = bundle.getEntryFirstRep();
        assertThat(entry.getFullUrl()).startsWith("http").endsWith(R4 + "DeviceDefinition/" + heart);
        assertThat(entry.getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
        DeviceDefinition device = (DeviceDefinition) entry.getResource();
        assertThat(device.getIdElement().getIdPart()).isEqualTo(heart.toString());
        assertThat(device.getLanguage()).isEqualTo("en");
        DeviceDefinition.DeviceDefinitionDeviceNameComponent name = device.getDeviceNameFirstRep();
        assertThat(name.getName()).isEqualTo(TOKEN + " Heart EN");
        assertThat(name.getType()).isEqualTo(DeviceDefinition.DeviceNameType.MODELNAME);
        assertThat(translations(name.getNameElement().getExtensionsByUrl(FhirUrls.EXT_TRANSLATION)))
                .containsExactlyInAnyOrder("nl=" + TOKEN + " Heart NL", "fr=" + TOKEN + " Heart FR",
                        "de=" + TOKEN + " Herz");
        assertThat(device.getNoteFirstRep().getText()).isEqualTo("Summary of " + TOKEN + " Heart");
        assertThat(property(device, "level")).containsExactly("M3");
        assertThat(property(device, "platform")).containsExactly("IOS", "ANDROID");
        assertThat(((Coding) device.getExtensionByUrl(FhirUrls.EXT_CATEGORY).getValue()).getCode())
                .isEqualTo("CARDIOLOGY");
        Extension ce = device.getExtensionByUrl(FhirUrls.EXT_CE_MARKING);
        assertThat(((Coding) ce.getExtensionByUrl("deviceClass").getValue()).getCode()).isEqualTo("IIa");
        assertThat(ce.getExtensionByUrl("certificateValidUntil").getValue().primitiveValue())
                .isEqualTo(seededOn.plusYears(3).toString());
        assertThat(device.getExtensionByUrl(FhirUrls.EXT_INTEROPERABILITY).getExtensionsByUrl("criterion"))
                .extracting(e -> ((Coding) e.getValue()).getCode()).containsExactly("AUTHENTICATION", "SECURITY");
        assertThat(((Reference) device.getExtensionByUrl(FhirUrls.EXT_REIMBURSEMENT).getValue()).getReference())
                .isEqualTo("ChargeItemDefinition/" + heart);
        assertThat(device.getText().getDivAsString()).contains(TOKEN + " Heart EN");
        assertThat(device.getMeta().getLastUpdated()).isNotNull();

        DeviceDefinition french = (DeviceDefinition) search("name=" + TOKEN + "%20Heart", "fr").getEntryFirstRep()
                .getResource();
        assertThat(french.getLanguage()).isEqualTo("fr");
        assertThat(french.getDeviceNameFirstRep().getName()).isEqualTo(TOKEN + " Heart FR");
        DeviceDefinition lungInGerman = (DeviceDefinition) search("name=" + TOKEN + "%20Lung", "de")
                .getEntryFirstRep().getResource();
        assertThat(lungInGerman.getLanguage()).as("no German name: English").isEqualTo("en");
    }

    @Test
    void nameIsAStringSearchAndLevelAndCategoryAreTokens() {
        assertThat(search("name=" + TOKEN, "en").getTotal()).isEqualTo(3);
        assertThat(search("name=" + TOKEN.toUpperCase() + "%20LUNG%20NL", "en").getTotal())
                .as("case-insensitive, any language").isEqualTo(1);
        assertThat(search("name=eart%20EN", "en").getTotal()).as("starts with").isZero();
        assertThat(ids(search("name:contains=" + TOKEN.substring(2) + "%20Heart", "en"))).containsExactly(heart);
        assertThat(search("name:exact=" + TOKEN + "%20heart%20en", "en").getTotal()).isZero();
        assertThat(ids(search("name:exact=" + TOKEN + "%20Herz", "en"))).containsExactly(heart);
        assertThat(search("name=" + TOKEN + "%25", "en").getTotal()).as("% is literal").isZero();
        assertThat(ids(search("name=" + TOKEN + "%20Heart,Nothing" + TOKEN, "en"))).containsExactly(heart);

        assertThat(ids(search("name=" + TOKEN + "&level=M2,M3", "en"))).containsExactlyInAnyOrder(heart, lung);
        assertThat(ids(search("name=" + TOKEN + "&level=" + FhirUrls.CS_LEVEL + "%7CM1", "en")))
                .containsExactly(sleep);
        assertThat(search("name=" + TOKEN + "&level=http://other%7CM1", "en").getTotal()).isZero();
        assertThat(ids(search("name=" + TOKEN + "&category=SLEEP,RESPIRATORY", "en")))
                .containsExactlyInAnyOrder(sleep, lung);
        assertThat(ids(search("name=" + TOKEN + "&_id=" + lung + ",not-an-id", "en"))).containsExactly(lung);
        String yesterday = seededOn.minusDays(1).toString();
        assertThat(search("name=" + TOKEN + "&_lastUpdated=ge" + yesterday, "en").getTotal()).isEqualTo(3);
        assertThat(search("name=" + TOKEN + "&_lastUpdated=lt" + yesterday, "en").getTotal()).isZero();
        assertThat(search("name=" + TOKEN + "&_lastUpdated=gt2020-01-01T00:00:00Z&_lastUpdated=lt2999", "en")
                .getTotal()).isEqualTo(3);
    }

    @Test
    void pagesFollowNextLinksAndCountOnlyGivesTheTotal() {
        Bundle page = search("name=" + TOKEN + "&_count=1", "en");
        List<UUID> seen = new ArrayList<>();
        while (true) {
            assertThat(page.getTotal()).isEqualTo(3);
            assertThat(page.getEntry()).hasSize(1);
            seen.addAll(ids(page));
            if (page.getLink("next") == null) {
                break;
            }
            String next = page.getLink("next").getUrl();
            page = FhirChecks.json(fhir().get(pathAndQuery(next)).then().statusCode(200).extract().asString(),
                    Bundle.class);
        }
        assertThat(seen).containsExactlyInAnyOrder(heart, lung, sleep);

        for (String countOnly : List.of("_count=0", "_summary=count")) {
            Bundle total = search("name=" + TOKEN + "&" + countOnly, "en");
            assertThat(total.getTotal()).isEqualTo(3);
            assertThat(total.getEntry()).isEmpty();
        }
        assertThat(search("name=" + TOKEN + "&_count=1000", "en").getLink("self").getUrl()).endsWith("_count=100");
    }

    @Test
    void readGivesTheListedAppAnd404Or410Otherwise() {
        Response response = fhir().get(R4 + "DeviceDefinition/" + heart);
        response.then().statusCode(200).contentType("application/fhir+json");
        DeviceDefinition device = FhirChecks.json(response.asString(), DeviceDefinition.class);
        assertThat(device.getIdElement().getIdPart()).isEqualTo(heart.toString());
        fhir().header("If-None-Match", response.header("ETag")).get(R4 + "DeviceDefinition/" + heart).then()
                .statusCode(304);
        FhirChecks.xml(fhir().queryParam("_format", "application/fhir+xml").get(R4 + "DeviceDefinition/" + heart)
                .then().statusCode(200).extract().asString(), DeviceDefinition.class);

        outcome(fhir().get(R4 + "DeviceDefinition/" + gone), 410, "deleted");
        outcome(fhir().get(R4 + "DeviceDefinition/" + draft), 404, "not-found");
        outcome(fhir().get(R4 + "DeviceDefinition/not-a-uuid"), 404, "not-found");
    }

    @Test
    void theM3ReimbursementIsAChargeItemDefinitionFoundByDevice() {
        Bundle bundle = FhirChecks.json(fhir().get(R4 + "ChargeItemDefinition?device=DeviceDefinition/" + heart)
                .then().statusCode(200).extract().asString(), Bundle.class);
        assertThat(bundle.getTotal()).isEqualTo(1);
        ChargeItemDefinition charge = (ChargeItemDefinition) bundle.getEntryFirstRep().getResource();
        assertThat(charge.getUrl()).startsWith("http").endsWith(R4 + "ChargeItemDefinition/" + heart);
        assertThat(charge.getStatus().toCode()).isEqualTo("active");
        assertThat(charge.getTitle()).isEqualTo("Reimbursement of " + TOKEN + " Heart EN");
        assertThat(charge.getCode().getCodingFirstRep().getCode()).isEqualTo("790012");
        assertThat(charge.getEffectivePeriod().getStartElement().getValueAsString())
                .isEqualTo(seededOn.toString());
        ChargeItemDefinition.ChargeItemDefinitionPropertyGroupPriceComponentComponent price = charge
                .getPropertyGroupFirstRep().getPriceComponentFirstRep();
        assertThat(price.getAmount().getValue()).isEqualByComparingTo(new BigDecimal("45.50"));
        assertThat(price.getAmount().getCurrency()).isEqualTo("EUR");
        assertThat(price.getCode().getText()).isEqualTo("per patient per month");
        assertThat(((Coding) charge.getExtensionByUrl(FhirUrls.EXT_REIMBURSEMENT_KIND).getValue()).getCode())
                .isEqualTo("TEMPORARY");
        assertThat(((Reference) charge.getInstanceFirstRep().getExtensionByUrl(FhirUrls.EXT_DEVICE_DEFINITION_LINK)
                .getValue()).getReference()).isEqualTo("DeviceDefinition/" + heart);

        FhirChecks.json(fhir().get(R4 + "ChargeItemDefinition/" + heart).then().statusCode(200).extract().asString(),
                ChargeItemDefinition.class);
        assertThat(FhirChecks.json(fhir().get(R4 + "ChargeItemDefinition?device=" + lung).then().statusCode(200)
                .extract().asString(), Bundle.class).getTotal()).isZero();
        outcome(fhir().get(R4 + "ChargeItemDefinition/" + lung), 404, "not-found");
    }

    @Test
    void errorsAreOperationOutcomesWithTheirStatus() {
        outcome(fhir().get(R4 + "DeviceDefinition?level=M4"), 400, "invalid").getIssueFirstRep().getExpression()
                .forEach(e -> assertThat(e.getValue()).isEqualTo("level"));
        outcome(fhir().get(R4 + "DeviceDefinition?category=ASTROLOGY"), 400, "invalid");
        outcome(fhir().get(R4 + "DeviceDefinition?_count=many"), 400, "invalid");
        outcome(fhir().get(R4 + "DeviceDefinition?_lastUpdated=2026-13-01"), 400, "invalid");
        outcome(fhir().get(R4 + "DeviceDefinition?_lastUpdated=sa2026"), 400, "not-supported");
        outcome(fhir().get(R4 + "DeviceDefinition?name="), 400, "invalid");
        outcome(fhir().get(R4 + "ChargeItemDefinition?device=Patient/1"), 400, "invalid");
        outcome(fhir().get(R4 + "metadata?_format=turtle"), 406, "not-supported");
        outcome(fhir().accept("text/csv").get(R4 + "metadata"), 406, "not-supported");
        outcome(fhir().get(R4 + "Patient"), 404, "not-supported");

        Bundle lenient = search("name=" + TOKEN + "&colour=blue", "en");
        assertThat(lenient.getTotal()).isEqualTo(3);
        assertThat(lenient.getLink("self").getUrl()).doesNotContain("colour");
        outcome(fhir().header("Prefer", "handling=strict").get(R4 + "DeviceDefinition?colour=blue"), 400,
                "not-supported");

        String xml = fhir().queryParam("_format", "xml").get(R4 + "DeviceDefinition?level=M4").then().statusCode(400)
                .contentType("application/fhir+xml").extract().asString();
        FhirChecks.xml(xml, OperationOutcome.class);
    }

    /** Queries are written encoded, as a FHIR client sends them. */
    private static io.restassured.specification.RequestSpecification fhir() {
        return given().urlEncodingEnabled(false);
    }

    private static Bundle search(String query, String language) {
        String body = fhir().header("Accept-Language", language).get(R4 + "DeviceDefinition?" + query).then()
                .statusCode(200).contentType("application/fhir+json").extract().asString();
        return FhirChecks.json(body, Bundle.class);
    }

    private static OperationOutcome outcome(Response response, int status, String code) {
        response.then().statusCode(status);
        String type = response.contentType();
        OperationOutcome outcome = type.startsWith("application/fhir+xml")
                ? FhirChecks.xml(response.asString(), OperationOutcome.class)
                : FhirChecks.json(response.asString(), OperationOutcome.class);
        assertThat(outcome.getIssueFirstRep().getCode().toCode()).isEqualTo(code);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).isNotBlank();
        return outcome;
    }

    private static List<UUID> ids(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> UUID.fromString(e.getResource().getIdElement().getIdPart()))
                .toList();
    }

    private static List<String> property(DeviceDefinition device, String type) {
        return device.getProperty().stream()
                .filter(p -> p.getType().getCodingFirstRep().getCode().equals(type))
                .flatMap(p -> p.getValueCode().stream()).map(c -> c.getCodingFirstRep().getCode()).toList();
    }

    private static List<String> translations(List<Extension> extensions) {
        return extensions.stream().map(e -> e.getExtensionByUrl("lang").getValue().primitiveValue() + "="
                + e.getExtensionByUrl("content").getValue().primitiveValue()).toList();
    }

    private static String pathAndQuery(String absolute) {
        java.net.URI uri = java.net.URI.create(absolute);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
