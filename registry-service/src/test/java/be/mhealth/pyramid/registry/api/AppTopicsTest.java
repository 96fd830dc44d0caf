package be.mhealth.pyramid.registry.api;

import static be.mhealth.pyramid.registry.RegistryFixtures.body;
import static be.mhealth.pyramid.registry.RegistryFixtures.m1Granted;
import static be.mhealth.pyramid.registry.RegistryFixtures.m1GrantedWithFacts;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.events.M2Events;
import be.mhealth.pyramid.events.M3Events;
import be.mhealth.pyramid.registry.RegistryFixtures;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/**
 * The public app view's five topics and labels, in the language asked, from the facts the decision events carried:
 * an app at M1, M2 and M3, topics not assessed below the app's level, and the catalog items' labels.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class AppTopicsTest {

    private static final String TOKEN = new Random().ints(8, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

    @Inject
    RegistryFixtures fixtures;

    private static ValidatableResponse app(UUID id, String lang) {
        return given().queryParam("lang", lang).when().get("/api/v1/apps/" + id).then().statusCode(200);
    }

    @Test
    void atM1CeMarkingAndDataProtectionAreAssessedTheRestIsNot() {
        UUID id = fixtures.create(body(TOKEN + " AtM1"), "medisoft");
        LocalDate expires = LocalDate.now().plusYears(3);
        fixtures.feed(m1GrantedWithFacts(id, expires, "THIRD_COUNTRY", "US", "STANDARD_CONTRACTUAL_CLAUSES"));

        app(id, "fr")
                .body("language", equalTo("fr"))
                .body("categoryLabel", equalTo("Diabète"))
                .body("platformLabels", contains("iOS", "Android"))
                .body("targetUserLabels", contains("Patients"))
                .body("levelLabel", equalTo("M1 : dispositif médical marqué CE"))
                .body("topics.ceMarking.status", equalTo("ASSESSED"))
                .body("topics.ceMarking.label", equalTo("Marquage CE"))
                .body("topics.ceMarking.statusLabel", equalTo("Évalué"))
                .body("topics.ceMarking.level", equalTo("M1"))
                .body("topics.ceMarking.authority", equalTo("AFMPS"))
                .body("topics.ceMarking.regulation", equalTo("MDR"))
                .body("topics.ceMarking.regulationLabel",
                        equalTo("Règlement (UE) 2017/745 relatif aux dispositifs médicaux (MDR)"))
                .body("topics.ceMarking.deviceClass", equalTo("IIa"))
                .body("topics.ceMarking.notifiedBody", equalTo("0123"))
                .body("topics.ceMarking.certificateValidUntil", equalTo(expires.toString()))
                .body("topics.ceMarking.certificateValid", equalTo(true))
                .body("topics.dataProtection.status", equalTo("ASSESSED"))
                .body("topics.dataProtection.label", equalTo("Protection des données"))
                .body("topics.dataProtection.legalBasis", equalTo("CONSENT"))
                .body("topics.dataProtection.legalBasisLabel", equalTo("Le consentement de l'utilisateur"))
                .body("topics.dataProtection.dataLocation.area", equalTo("THIRD_COUNTRY"))
                .body("topics.dataProtection.dataLocation.country", equalTo("US"))
                .body("topics.dataProtection.dataLocation.countryLabel", equalTo("États-Unis"))
                .body("topics.dataProtection.dataLocation.transferMechanism", equalTo("STANDARD_CONTRACTUAL_CLAUSES"))
                .body("topics.dataProtection.dataLocation.label",
                        equalTo("En dehors de l'UE/EEE : États-Unis (clauses contractuelles types)"))
                .body("topics.dataProtection.dpoContact", equalTo("dpo@example.be"))
                .body("topics.dataProtection.privacyPolicyUrl", equalTo("https://example.be/privacy"))
                .body("topics.communicationSecurity.status", equalTo("NOT_ASSESSED"))
                .body("topics.communicationSecurity.statusLabel", equalTo("Non évalué"))
                .body("topics.communicationSecurity.label", equalTo("Sécurité des communications"))
                .body("topics.communicationSecurity.authority", equalTo("plate-forme eHealth"))
                .body("topics.communicationSecurity", not(hasKey("criteria")))
                .body("topics.interoperability.status", equalTo("NOT_ASSESSED"))
                .body("topics.interoperability.label", equalTo("Interopérabilité"))
                .body("topics.financing.status", equalTo("NOT_ASSESSED"))
                .body("topics.financing.label", equalTo("Financement"))
                .body("topics.financing.authority", equalTo("INAMI"))
                .body("topics.financing", not(hasKey("kind")));

        // Dutch through Accept-Language; the FAMHP is the FAGG there.
        given().header("Accept-Language", "nl-BE, fr;q=0.5").when().get("/api/v1/apps/" + id).then()
                .body("language", equalTo("nl"))
                .body("topics.ceMarking.label", equalTo("CE-markering"))
                .body("topics.ceMarking.authority", equalTo("FAGG"))
                .body("topics.dataProtection.dataLocation.label",
                        equalTo("Buiten de EU/EER: Verenigde Staten (modelcontractbepalingen)"))
                .body("topics.financing.statusLabel", equalTo("Niet beoordeeld"));
    }

    @Test
    void atM2TheCriteriaMetAreGroupedByTopicWithLabelsAndExplanations() {
        UUID id = fixtures.create(body(TOKEN + " AtM2"), "medisoft");
        fixtures.feed(m1GrantedWithFacts(id, LocalDate.now().plusYears(3), "EU_EEA", null, null));
        fixtures.feed(new M2Events.M2Granted(id, UUID.randomUUID(),
                List.of("AUTHENTICATION", "INTEROPERABILITY", "SECURITY", "FUTURE_CRITERION"), "eric", Instant.now()));

        app(id, "nl")
                .body("levelLabel", equalTo("M2: veilig verbonden met het eHealth-platform"))
                .body("topics.dataProtection.dataLocation.label",
                        equalTo("In de Europese Unie of de Europese Economische Ruimte"))
                .body("topics.dataProtection.dataLocation", not(hasKey("country")))
                .body("topics.communicationSecurity.status", equalTo("ASSESSED"))
                .body("topics.communicationSecurity.authority", equalTo("eHealth-platform"))
                .body("topics.communicationSecurity.criteria.code", contains("AUTHENTICATION", "SECURITY"))
                .body("topics.communicationSecurity.criteria[0].label", equalTo("Veilig aanmelden"))
                .body("topics.communicationSecurity.criteria[0].explanation",
                        equalTo("Gebruikers melden zich aan met hun eID of itsme via het eHealth-platform."))
                .body("topics.interoperability.status", equalTo("ASSESSED"))
                // a criterion this version does not know keeps its code, under interoperability
                .body("topics.interoperability.criteria.code", contains("INTEROPERABILITY", "FUTURE_CRITERION"))
                .body("topics.interoperability.criteria[0].label", equalTo("Uitwisseling met andere zorgsystemen"))
                .body("topics.interoperability.criteria[1].label", equalTo("FUTURE_CRITERION"))
                .body("topics.interoperability.criteria[1]", not(hasKey("explanation")))
                .body("topics.financing.status", equalTo("NOT_ASSESSED"));

        // An M2 grant whose criteria all fall under one topic leaves the other assessed and empty.
        fixtures.feed(new M2Events.M2Granted(id, UUID.randomUUID(), List.of("RELATIONSHIP"), "eric", Instant.now()));
        app(id, "en")
                .body("topics.communicationSecurity.criteria.label", contains("Therapeutic relationship or consent"))
                .body("topics.interoperability.status", equalTo("ASSESSED"))
                .body("topics.interoperability.criteria", empty());
    }

    @Test
    void atM3TheFinancingIsSaidInPlainWords() {
        UUID id = fixtures.create(body(TOKEN + " AtM3"), "medisoft");
        fixtures.feed(m1GrantedWithFacts(id, LocalDate.now().plusYears(3), "EU_EEA", null, null));
        fixtures.feed(new M2Events.M2Granted(id, UUID.randomUUID(), List.of("SECURITY"), "eric", Instant.now()));
        fixtures.feed(new M3Events.M3Granted(id, UUID.randomUUID(), M3Events.ReimbursementKind.TEMPORARY, "789012",
                new BigDecimal("25.50"), "PER_PATIENT_PER_MONTH", LocalDate.of(2026, 4, 1), LocalDate.of(2028, 3, 31),
                "nina", Instant.now()));

        app(id, "en")
                .body("levelLabel", equalTo("M3: reimbursed by NIHDI"))
                .body("topics.financing.status", equalTo("ASSESSED"))
                .body("topics.financing.label", equalTo("Financing"))
                .body("topics.financing.authority", equalTo("NIHDI"))
                .body("topics.financing.kind", equalTo("TEMPORARY"))
                .body("topics.financing.kindLabel", equalTo("Temporary reimbursement"))
                .body("topics.financing.nomenclatureCode", equalTo("789012"))
                .body("topics.financing.amount", equalTo(25.5f))
                .body("topics.financing.unit", equalTo("PER_PATIENT_PER_MONTH"))
                .body("topics.financing.unitLabel", equalTo("per patient per month"))
                .body("topics.financing.startDate", equalTo("2026-04-01"))
                .body("topics.financing.endDate", equalTo("2028-03-31"))
                .body("topics.financing.summary", equalTo("NIHDI reimburses this app for a trial period: 25,50\u00a0€ "
                        + "per patient per month, from 1 April 2026 to 31 March 2028 (nomenclature code 789012)."));
        app(id, "fr").body("topics.financing.summary", equalTo("L'INAMI rembourse cette application pour une période "
                + "d'essai : 25,50\u00a0€ par patient et par mois, du 1 avril 2026 au 31 mars 2028 (code de "
                + "nomenclature 789012)."));
        app(id, "nl").body("topics.financing.kindLabel", equalTo("Tijdelijke terugbetaling"))
                .body("topics.financing.summary", equalTo("Het RIZIV betaalt deze app terug voor een proefperiode: "
                        + "€\u00a025,50 per patiënt per maand, van 1 april 2026 tot 31 maart 2028 (nomenclatuurcode "
                        + "789012)."));

        // German texts exist for names, not for labels: the labels come in English and say so.
        app(id, "de").body("language", equalTo("en")).body("topics.financing.label", equalTo("Financing"));

        // The grant keeps its facts: a definitive reimbursement replaces the temporary one.
        fixtures.feed(new M3Events.M3Granted(id, UUID.randomUUID(), M3Events.ReimbursementKind.DEFINITIVE, "789013",
                new BigDecimal("30"), "PER_PATIENT_PER_YEAR", LocalDate.of(2028, 4, 1), null, "nina", Instant.now()));
        app(id, "en").body("topics.financing.summary", equalTo("NIHDI reimburses this app: 30,00\u00a0€ per patient per "
                + "year, from 1 April 2028 (nomenclature code 789013)."))
                .body("topics.financing", not(hasKey("endDate")));
    }

    @Test
    void topicsAreNotAssessedWhereTheAppHasNotReachedTheirLevel() {
        // A grant from before the facts travelled: the topic is assessed, its facts absent.
        UUID old = fixtures.create(body(TOKEN + " OldGrant"), "medisoft");
        fixtures.feed(m1Granted(old, UUID.randomUUID(), LocalDate.now().plusYears(3)));
        app(old, "en")
                .body("topics.ceMarking.status", equalTo("ASSESSED"))
                .body("topics.ceMarking", not(hasKey("notifiedBody")))
                .body("topics.dataProtection.status", equalTo("ASSESSED"))
                .body("topics.dataProtection.label", equalTo("Data protection"))
                .body("topics.dataProtection", not(hasKey("legalBasis")))
                .body("topics.dataProtection", not(hasKey("dataLocation")));

        // M3 without M2 does not count: financing stays not assessed, as the level does.
        UUID gap = fixtures.create(body(TOKEN + " Gap"), "medisoft");
        fixtures.feed(m1GrantedWithFacts(gap, LocalDate.now().plusYears(3), "EU_EEA", null, null));
        fixtures.feed(RegistryFixtures.m3Granted(gap));
        app(gap, "en").body("level", equalTo("M1"))
                .body("topics.financing.status", equalTo("NOT_ASSESSED"))
                .body("topics.financing.statusLabel", equalTo("Not assessed"));

        // Revoked: delisted, nothing assessed any more.
        fixtures.feed(new M1Events.M1Revoked(gap, null, "certificate suspended", "fiona", Instant.now()));
        ValidatableResponse revoked = app(gap, "en").body("listed", equalTo(false)).body("$", not(hasKey("levelLabel")));
        for (String topic : List.of("ceMarking", "dataProtection", "communicationSecurity", "interoperability",
                "financing")) {
            revoked.body("topics." + topic + ".status", equalTo("NOT_ASSESSED"));
        }
    }

    @Test
    @TestSecurity(user = "alice", roles = "vendor")
    @OidcSecurity(claims = @Claim(key = "organization", value = "medisoft"))
    void aDraftShowsItsOwnerFiveTopicsNotAssessed() {
        UUID draft = fixtures.create(body(TOKEN + " Draft"), "medisoft", "alice");
        ValidatableResponse response = app(draft, "fr").body("$", not(hasKey("levelLabel")));
        for (String topic : List.of("ceMarking", "dataProtection", "communicationSecurity", "interoperability",
                "financing")) {
            response.body("topics." + topic + ".status", equalTo("NOT_ASSESSED"))
                    .body("topics." + topic + ".statusLabel", equalTo("Non évalué"));
        }
    }

    @Test
    void catalogItemsCarryTheirLabelsInThePagesLanguage() {
        Map<String, Object> listing = body(TOKEN + " Listed");
        listing.put("category", "MENTAL_HEALTH");
        listing.put("targetUsers", new java.util.ArrayList<>(List.of("PATIENT", "HEALTHCARE_PROFESSIONAL")));
        listing.put("platforms", new java.util.ArrayList<>(List.of("WEB")));
        UUID id = fixtures.create(listing, "medisoft");
        fixtures.feed(m1GrantedWithFacts(id, LocalDate.now().plusYears(3), "EU_EEA", null, null));

        given().queryParam("lang", "fr").queryParam("q", TOKEN + " Listed").when().get("/api/v1/catalog").then()
                .statusCode(200)
                .body("items[0].id", equalTo(id.toString()))
                .body("items[0].categoryLabel", equalTo("Santé mentale"))
                .body("items[0].platformLabels", contains("Navigateur web"))
                .body("items[0].targetUserLabels", contains("Patients", "Professionnels de santé"))
                .body("items[0].levelLabel", equalTo("M1 : dispositif médical marqué CE"));
        given().queryParam("lang", "nl").queryParam("q", TOKEN + " Listed").when().get("/api/v1/catalog").then()
                .body("items[0].categoryLabel", equalTo("Geestelijke gezondheid"))
                .body("items[0].targetUserLabels", contains("Patiënten", "Zorgverleners"));
    }
}
