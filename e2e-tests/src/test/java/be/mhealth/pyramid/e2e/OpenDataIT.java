package be.mhealth.pyramid.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.DeviceDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;

/**
 * The open data through the gateway, read as its users read it: a FHIR client (HAPI's strict parser and the R4
 * schemas), a feed reader (the RFC 4287 RELAX NG schema, ROME) and a spreadsheet or script (Commons CSV).
 */
@Order(3)
@ExtendWith(SharedPlatform.class)
class OpenDataIT {

    private static final FhirContext R4 = FhirContext.forR4Cached();
    static Platform platform;
    static DemoData.DemoApp heartRhythm;
    static UUID heartRhythmId;

    @BeforeAll
    static void demoAppListed() throws Exception {
        platform = SharedPlatform.platform();
        PyramidClient client = new PyramidClient(platform.gatewayUrl(), platform.realmUrl());
        heartRhythm = DemoData.apps().stream().filter(a -> a.slug().equals("hartritme")).findFirst().orElseThrow();
        // Loaded by the climb suite already when it ran first; loading again changes nothing.
        heartRhythmId = new DemoData(client).load(heartRhythm);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                "M3".equals(given().baseUri(platform.gatewayUrl()).get("/api/v1/apps/" + heartRhythmId).then()
                        .extract().path("level")));
    }

    @Test
    void aDemoAppsPublicPageShowsTheFiveTopicsInTheLanguageAskedAndTheLabelsArePublic() {
        io.restassured.path.json.JsonPath app = given().baseUri(platform.gatewayUrl()).queryParam("lang", "fr")
                .get("/api/v1/apps/" + heartRhythmId).then().statusCode(200).extract().jsonPath();
        assertThat(app.getString("language")).isEqualTo("fr");
        assertThat(app.getString("levelLabel")).isEqualTo("M3 : remboursé par l'INAMI");
        assertThat(app.getString("categoryLabel")).isEqualTo("Cardiologie");
        for (String topic : List.of("ceMarking", "dataProtection", "communicationSecurity", "interoperability",
                "financing")) {
            assertThat(app.getString("topics." + topic + ".status")).as(topic).isEqualTo("ASSESSED");
            assertThat(app.getString("topics." + topic + ".statusLabel")).as(topic).isEqualTo("Évalué");
        }
        assertThat(app.getString("topics.ceMarking.authority")).isEqualTo("AFMPS");
        assertThat(app.getString("topics.ceMarking.regulation")).isEqualTo("MDR");
        // the vendor's GDPR declaration from its M1 dossier, published with the grant (a role mailbox, no name)
        assertThat(app.getString("topics.dataProtection.dpoContact")).isEqualTo("dpo@medisoft.be");
        assertThat(app.getString("topics.dataProtection.legalBasisLabel")).isEqualTo("Le consentement de l'utilisateur");
        assertThat(app.getString("topics.dataProtection.privacyPolicyUrl")).isEqualTo("https://medisoft.be/privacy");
        List<String> codes = new ArrayList<>(app.getList("topics.communicationSecurity.criteria.code", String.class));
        codes.addAll(app.getList("topics.interoperability.criteria.code", String.class));
        assertThat(codes).isNotEmpty();
        List<String> labels = new ArrayList<>(app.getList("topics.communicationSecurity.criteria.label", String.class));
        labels.addAll(app.getList("topics.interoperability.criteria.label", String.class));
        assertThat(labels).hasSameSizeAs(codes).doesNotContainAnyElementsOf(codes);
        assertThat(app.getString("topics.financing.authority")).isEqualTo("INAMI");
        assertThat(app.getString("topics.financing.summary")).startsWith("L'INAMI rembourse cette application");

        // the labels are a public read at the gateway, cacheable
        given().baseUri(platform.gatewayUrl()).queryParam("lang", "nl").get("/api/v1/labels").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age"))
                .body("authorities.FAMHP", org.hamcrest.Matchers.equalTo("FAGG"))
                .body("authorities.NIHDI", org.hamcrest.Matchers.equalTo("RIZIV"));
    }

    @Test
    void fhirSearchByNameReturnsAValidSearchsetBundleForADemoApp() {
        String name = heartRhythm.name().get("en");
        String body = given().baseUri(platform.gatewayUrl()).accept("application/fhir+json")
                .queryParam("name", name).get("/fhir/r4/DeviceDefinition")
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
        Bundle bundle = valid(body, Bundle.class);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(bundle.getTotal()).isGreaterThanOrEqualTo(1);
        Bundle.BundleEntryComponent entry = bundle.getEntry().stream()
                .filter(e -> e.getResource().getIdElement().getIdPart().equals(heartRhythmId.toString()))
                .findFirst().orElseThrow();
        assertThat(entry.getFullUrl()).isEqualTo(platform.gatewayUrl() + "/fhir/r4/DeviceDefinition/" + heartRhythmId);
        assertThat(bundle.getLink("self").getUrl()).startsWith(platform.gatewayUrl() + "/fhir/r4/DeviceDefinition?");
        DeviceDefinition device = (DeviceDefinition) entry.getResource();
        assertThat(device.getDeviceNameFirstRep().getName()).isEqualTo(name);
        assertThat(device.getProperty()).anySatisfy(p -> assertThat(p.getValueCodeFirstRep().getCodingFirstRep()
                .getCode()).isEqualTo("M3"));

        Bundle charges = valid(given().baseUri(platform.gatewayUrl()).accept("application/fhir+json")
                .queryParam("device", "DeviceDefinition/" + heartRhythmId).get("/fhir/r4/ChargeItemDefinition")
                .then().statusCode(200).extract().asString(), Bundle.class);
        assertThat(charges.getTotal()).isEqualTo(1);
        assertThat(((ChargeItemDefinition) charges.getEntryFirstRep().getResource()).getCode().getCodingFirstRep()
                .getCode()).startsWith("7");
        valid(given().baseUri(platform.gatewayUrl()).get("/fhir/r4/metadata").then().statusCode(200).extract()
                .asString(), org.hl7.fhir.r4.model.CapabilityStatement.class);
    }

    @Test
    void theAtomFeedParsesValidatesAndLinksToTheGateway() throws Exception {
        byte[] xml = given().baseUri(platform.gatewayUrl()).queryParam("lang", "nl").queryParam("size", 100)
                .get("/api/v1/open-data/changes.atom").then().statusCode(200)
                .contentType("application/atom+xml;charset=utf-8").extract().asByteArray();
        relaxNg(xml);
        Feed feed = (Feed) new WireFeedInput(false, Locale.ROOT).build(new InputSource(new ByteArrayInputStream(xml)));
        assertThat(feed.getId()).isNotBlank();
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getAuthors()).singleElement().satisfies(a -> assertThat(a.getName()).isEqualTo(
                "Pyramid (mHealthBelgium)"));
        assertThat(feed.getEntries()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getId()).startsWith("tag:pyramid.mhealth.be,2026:level-change/");
            assertThat(e.getUpdated()).isNotNull();
            assertThat(e.getAlternateLinks()).singleElement()
                    .satisfies(l -> assertThat(l.getHref()).startsWith(platform.gatewayUrl() + "/api/v1/apps/"));
        });
        List<String> titles = new ArrayList<>();
        Feed page = feed;
        while (true) {
            page.getEntries().stream().map(Entry::getTitle).forEach(titles::add);
            String next = page.getOtherLinks().stream().filter(l -> "next".equals(l.getRel())).map(l -> l.getHref())
                    .findFirst().orElse(null);
            if (next == null || titles.contains(heartRhythm.name().get("nl") + " heeft M3 bereikt")) {
                break;
            }
            byte[] more = given().get(URI.create(next)).then().statusCode(200).extract().asByteArray();
            relaxNg(more);
            page = (Feed) new WireFeedInput(false, Locale.ROOT).build(new InputSource(new ByteArrayInputStream(more)));
        }
        assertThat(titles).contains(heartRhythm.name().get("nl") + " heeft M3 bereikt");
    }

    @Test
    void theCsvParsesWithOneRowPerListedApp() throws Exception {
        byte[] bytes = given().baseUri(platform.gatewayUrl()).queryParam("lang", "fr")
                .get("/api/v1/open-data/catalog.csv").then().statusCode(200).extract().asByteArray();
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFid,name,");
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text.substring(1)))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            rows = parser.getRecords();
        }
        long listed = given().baseUri(platform.gatewayUrl()).get("/api/v1/stats").then().statusCode(200).extract()
                .jsonPath().getLong("listed");
        assertThat(rows).hasSize((int) listed).allSatisfy(r -> assertThat(r.isConsistent()).isTrue());
        CSVRecord row = rows.stream().filter(r -> r.get("id").equals(heartRhythmId.toString())).findFirst()
                .orElseThrow();
        assertThat(row.get("name")).isEqualTo(heartRhythm.name().get("fr"));
        assertThat(row.get("level")).isEqualTo("M3");
        assertThat(row.get("m3_kind")).isEqualTo("définitif");
    }

    private static <T extends IBaseResource> T valid(String body, Class<T> type) {
        T resource = R4.newJsonParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(type, body);
        FhirValidator validator = R4.newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        assertThat(validator.validateWithResult(resource).getMessages())
                .filteredOn(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).isEmpty();
        return resource;
    }

    /** Against the RELAX NG schema of RFC 4287 (Appendix B). */
    private static void relaxNg(byte[] xml) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getMessage());
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        assertThat(driver.loadSchema(new InputSource(OpenDataIT.class.getResource("/atom/rfc4287.rnc").toString())))
                .isTrue();
        assertThat(driver.validate(new InputSource(new ByteArrayInputStream(xml)))).as("%s", errors).isTrue();
    }
}
