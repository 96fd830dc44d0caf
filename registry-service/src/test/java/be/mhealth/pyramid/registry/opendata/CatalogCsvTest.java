package be.mhealth.pyramid.registry.opendata;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static be.mhealth.pyramid.registry.RegistryFixtures.child;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.registry.api.CatalogCsvResource;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** The CSV export, parsed back with Commons CSV. The test profile reads 2 apps per chunk, so chunks join often. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class CatalogCsvTest {

    private static final String CSV = "/api/v1/open-data/catalog.csv";
    private static final String TOKEN = "csv" + UUID.randomUUID().toString().substring(0, 6);
    private static UUID tricky;
    private static UUID plain;
    private static UUID draft;
    /** The day the fixtures were fed: their certificate and reimbursement dates count from it, past midnight too. */
    private static LocalDate seededOn;

    @Inject
    RegistryFixtures fixtures;

    @Inject
    Clock clock;

    /** A listed M3 app whose texts need quoting, guarding and UTF-8; an M1 app; a draft. */
    @BeforeEach
    void seed() {
        if (tricky != null) {
            return;
        }
        seededOn = LocalDate.now();
        Map<String, Object> body = body(TOKEN);
        child(body, "name").putAll(Map.of(
                "en", "Comma, \"Quoted\" & Co " + TOKEN,
                "nl", "=cmd|' /C calc'!A0 " + TOKEN,
                "fr", "Appli\r\nsur deux lignes " + TOKEN,
                "de", "心拍モニター ΚΑΡΔΙΑ قلب " + TOKEN));
        child(body, "summary").putAll(Map.of("en", "+32 hotline, day and night", "nl", "@SUM(1+1)",
                "fr", "-10 % de stress", "de", "\tTabulator"));
        body.put("platforms", new ArrayList<>(List.of("IOS", "WEB")));
        body.put("targetUsers", new ArrayList<>(List.of("PATIENT", "HEALTHCARE_PROFESSIONAL")));
        tricky = fixtures.create(body, "medisoft");
        fixtures.raiseTo(tricky, Level.M3);
        plain = fixtures.create(body(TOKEN + " Plain"), "carelab");
        fixtures.raiseTo(plain, Level.M1);
        draft = fixtures.create(body(TOKEN + " Draft"), "carelab");
    }

    @Test
    void oneRowPerListedAppWithItsLevelFactsQuotedAndGuarded() throws Exception {
        Response response = given().queryParam("lang", "en").get(CSV);
        response.then().statusCode(200).header("Content-Language", "en");
        assertThat(response.header("Content-Type")).isEqualTo("text/csv; charset=utf-8; header=present");
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"pyramid-catalog-en-" + PlatformCalendar.today(clock) + ".csv\"");
        assertThat(response.header("Content-Length")).as("streamed").isNull();
        byte[] bytes = response.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark")
                .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith(String.join(",", CatalogCsvResource.COLUMNS) + "\r\n").endsWith("\r\n");

        List<CSVRecord> rows = parse(text);
        long listed = given().get("/api/v1/stats").then().statusCode(200).extract().jsonPath().getLong("listed");
        assertThat(rows).hasSize((int) listed);
        assertThat(new HashSet<>(rows.stream().map(r -> r.get("id")).toList())).hasSize(rows.size());
        assertThat(rows.stream().map(r -> r.get("id"))).contains(tricky.toString(), plain.toString())
                .doesNotContain(draft.toString());
        List<String> levels = rows.stream().map(r -> r.get("level")).toList();
        assertThat(levels).as("highest level first").isSortedAccordingTo((a, b) -> b.compareTo(a));

        CSVRecord m3 = row(rows, tricky);
        assertThat(m3.get("name")).isEqualTo("Comma, \"Quoted\" & Co " + TOKEN);
        assertThat(m3.get("summary")).isEqualTo("'+32 hotline, day and night");
        assertThat(m3.get("text_language")).isEqualTo("en");
        assertThat(m3.get("category")).isEqualTo("Diabetes");
        assertThat(m3.get("category_code")).isEqualTo("DIABETES");
        assertThat(m3.get("platforms")).isEqualTo("iOS | Web");
        assertThat(m3.get("target_users")).isEqualTo("Patient | Healthcare professional");
        assertThat(m3.get("level")).isEqualTo("M3");
        assertThat(m3.get("public_page")).endsWith("/api/v1/apps/" + tricky).startsWith("http");
        assertThat(m3.get("m1_regulation")).isEqualTo("MDR 2017/745");
        assertThat(m3.get("m1_device_class")).isEqualTo("IIa");
        assertThat(LocalDate.parse(m3.get("m1_certificate_valid_until"))).isAfter(LocalDate.now());
        assertThat(m3.get("m2_criteria_codes")).isEqualTo("AUTHENTICATION | SECURITY");
        assertThat(m3.get("m2_criteria_met"))
                .isEqualTo("Authentication (eID or itsme through eHealth IAM) | Secure transport (eHealthBox where "
                        + "data is sent)");
        assertThat(m3.get("m3_kind")).isEqualTo("temporary");
        assertThat(m3.get("m3_nomenclature_code")).isEqualTo("790012");
        assertThat(m3.get("m3_amount")).isEqualTo("45.50");
        assertThat(m3.get("m3_unit")).isEqualTo("per patient per month");
        assertThat(m3.get("m3_start")).isEqualTo(seededOn.toString());
        assertThat(m3.get("m3_end")).isEqualTo(seededOn.plusYears(2).toString());

        CSVRecord m1 = row(rows, plain);
        assertThat(m1.get("level")).isEqualTo("M1");
        assertThat(m1.get("m1_device_class")).isEqualTo("IIa");
        for (String empty : List.of("m2_criteria_met", "m2_criteria_codes", "m3_kind", "m3_nomenclature_code",
                "m3_amount", "m3_unit", "m3_start", "m3_end")) {
            assertThat(m1.get(empty)).as(empty).isEmpty();
        }
    }

    @Test
    void theLanguageAskedGivesNamesAndLabelsAndNoCellRunsAsAFormula() throws Exception {
        CSVRecord nl = row(parse(csv(given().queryParam("lang", "nl").queryParam("bom", "false"))), tricky);
        assertThat(nl.get("name")).isEqualTo("'=cmd|' /C calc'!A0 " + TOKEN);
        assertThat(nl.get("summary")).isEqualTo("'@SUM(1+1)");
        assertThat(nl.get("target_users")).isEqualTo("Patiënt | Zorgverlener");
        assertThat(nl.get("m3_kind")).isEqualTo("tijdelijk");

        CSVRecord fr = row(parse(csv(given().header("Accept-Language", "fr-BE").queryParam("bom", "false"))),
                tricky);
        assertThat(fr.get("name")).as("a line break inside a quoted field").isEqualTo("Appli\r\nsur deux lignes " + TOKEN);
        assertThat(fr.get("summary")).isEqualTo("'-10 % de stress");
        assertThat(fr.get("category")).isEqualTo("Diabète");

        List<CSVRecord> de = parse(csv(given().queryParam("lang", "de").queryParam("bom", "false")));
        assertThat(row(de, tricky).get("name")).isEqualTo("心拍モニター ΚΑΡΔΙΑ قلب " + TOKEN);
        assertThat(row(de, tricky).get("summary")).isEqualTo("'\tTabulator");
        assertThat(row(de, plain).get("name")).as("no German name: English").isEqualTo(TOKEN + " Plain EN");
        assertThat(row(de, plain).get("text_language")).isEqualTo("en");
        assertThat(row(de, plain).get("category")).isEqualTo("Diabetes");

        for (List<CSVRecord> rows : List.of(de)) {
            for (CSVRecord record : rows) {
                for (String cell : record) {
                    assertThat(cell).as("no cell starts a formula").doesNotStartWith("=").doesNotStartWith("+")
                            .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t");
                }
            }
        }
    }

    @Test
    void withoutBomOnRequestAndValidatedByETag() {
        Response response = given().queryParam("lang", "en").queryParam("bom", "false").get(CSV);
        byte[] bytes = response.then().statusCode(200).extract().asByteArray();
        assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("id,");
        String etag = response.header("ETag");
        given().queryParam("lang", "en").queryParam("bom", "false").header("If-None-Match", etag).get(CSV)
                .then().statusCode(304);
        String withBom = given().queryParam("lang", "en").get(CSV).then().statusCode(200).extract().header("ETag");
        assertThat(withBom).isNotEqualTo(etag);

        given().queryParam("lang", "xx").get(CSV).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("lang"));
        given().queryParam("bom", "yes").get(CSV).then().statusCode(400).body("errors.field", hasItem("bom"));
    }

    private static String csv(io.restassured.specification.RequestSpecification request) {
        return request.get(CSV).then().statusCode(200).extract().asString();
    }

    private static List<CSVRecord> parse(String text) throws Exception {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(CatalogCsvResource.COLUMNS);
            List<CSVRecord> rows = parser.getRecords();
            assertThat(rows).allSatisfy(r -> assertThat(r.isConsistent()).as("every row has every column").isTrue());
            return rows;
        }
    }

    private static CSVRecord row(List<CSVRecord> rows, UUID id) {
        return rows.stream().filter(r -> r.get("id").equals(id.toString())).findFirst().orElseThrow();
    }
}
