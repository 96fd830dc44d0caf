package be.mhealth.pyramid.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The wire form of every payload is pinned by a golden JSON file under {@code src/test/resources/golden}.
 * Changing a payload record breaks this test; a breaking change needs a new event version instead.
 */
class GoldenJsonTest {

    static final UUID APP = UUID.fromString("3f2b8c4e-5d6a-4b7c-8d9e-0a1b2c3d4e5f");
    static final UUID DOSSIER = UUID.fromString("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d");
    static final UUID RENEWED = UUID.fromString("1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a");
    static final Instant AT = Instant.parse("2026-03-01T09:30:00Z");
    static final Map<EventType, AppEvent> SAMPLES = new EnumMap<>(EventType.class);

    static {
        Map<String, String> name = Map.of("nl", "HartWacht", "fr", "GardeCoeur", "en", "HeartGuard");
        SAMPLES.put(EventType.APP_REGISTERED,
                new RegistryEvents.AppRegistered(APP, "org-acme", name, "CARDIOLOGY", null, AT));
        SAMPLES.put(EventType.APP_UPDATED,
                new RegistryEvents.AppUpdated(APP, "org-acme", name, "CARDIOLOGY", Level.M1, AT));
        SAMPLES.put(EventType.APP_LEVEL_CHANGED, new RegistryEvents.AppLevelChanged(APP, "org-acme", Level.M1,
                Level.M2, "6c1f0e2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b", EventType.M2_GRANTED.ceType(), AT));
        SAMPLES.put(EventType.APP_VERSION_DECLARED, new RegistryEvents.AppVersionDeclared(APP, "org-acme", Level.M2,
                UUID.fromString("5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e"), "2.4.0", LocalDate.parse("2026-02-27"),
                Map.of("nl", "Nieuwe gegevensstromen naar de huisarts", "fr", "Nouveaux flux de données vers le généraliste",
                        "en", "New data flows to the GP"),
                List.of(RegistryEvents.SignificantChange.DATA_FLOWS, RegistryEvents.SignificantChange.HOSTING),
                List.of(Level.M2), AT));
        SAMPLES.put(EventType.APP_WITHDRAWN_FROM_MARKET, new RegistryEvents.AppWithdrawnFromMarket(APP, "org-acme",
                Level.M2, null, RegistryEvents.MarketWithdrawalReason.REPLACED_BY_SUCCESSOR,
                "replaced by HeartGuard 3, listed separately", List.of(Level.M1, Level.M2), AT));
        SAMPLES.put(EventType.M1_GRANTED, new M1Events.M1Granted(APP, DOSSIER, "MDR", "IIa", "CE-2026-0042",
                LocalDate.parse("2030-12-31"), "fiona", AT, "0123", "CONSENT", "THIRD_COUNTRY", "US",
                "STANDARD_CONTRACTUAL_CLAUSES", "dpo@acme.example", "https://acme.example/privacy", RENEWED));
        SAMPLES.put(EventType.M1_CERTIFICATE_EXTENDED, new M1Events.M1CertificateExtended(APP, DOSSIER,
                LocalDate.parse("2026-05-26"), LocalDate.parse("2028-12-31"), "Regulation (EU) 2023/607",
                "conditions of Article 120(3c) MDR met; notified body's confirmation letter", "fiona", AT));
        SAMPLES.put(EventType.M1_CERTIFICATE_EXPIRING, new M1Events.M1CertificateExpiring(APP, DOSSIER, "org-acme",
                LocalDate.parse("2026-05-30"), M1Events.ExpiryWarning.DAYS_90, AT));
        SAMPLES.put(EventType.M1_REJECTED, new M1Events.M1Rejected(APP, DOSSIER, "certificate unreadable", "fiona", AT));
        SAMPLES.put(EventType.M1_REVOKED, new M1Events.M1Revoked(APP, DOSSIER, "certificate suspended", "fiona", AT));
        SAMPLES.put(EventType.M1_EXPIRED, new M1Events.M1Expired(APP, DOSSIER, LocalDate.parse("2026-02-28"),
                "its expiry date passed", "m1-ce-service", AT));
        SAMPLES.put(EventType.M2_GRANTED,
                new M2Events.M2Granted(APP, DOSSIER, List.of("AUTHENTICATION", "SECURITY"), "eric", AT));
        SAMPLES.put(EventType.M2_REJECTED, new M2Events.M2Rejected(APP, DOSSIER, "FHIR profile missing", "eric", AT));
        SAMPLES.put(EventType.M2_REVOKED, new M2Events.M2Revoked(APP, DOSSIER, "TLS downgraded", "eric", AT));
        SAMPLES.put(EventType.M3_GRANTED, new M3Events.M3Granted(APP, DOSSIER, M3Events.ReimbursementKind.TEMPORARY,
                "789012", new BigDecimal("25.50"), "PER_PATIENT_PER_MONTH", LocalDate.parse("2026-04-01"),
                LocalDate.parse("2028-03-31"), "nina", AT));
        SAMPLES.put(EventType.M3_DECLINED, new M3Events.M3Declined(APP, DOSSIER, "no added value shown", "nina", AT));
        SAMPLES.put(EventType.M1_DOSSIER_STATE_CHANGED, new DossierEvents.DossierStateChanged(APP, DOSSIER, "org-acme",
                Level.M1, "IN_REVIEW", "INFO_REQUESTED", "REQUEST_INFO", DossierEvents.ActedBy.AUTHORITY,
                "the CE certificate's annex is missing", AT));
        SAMPLES.put(EventType.M2_DOSSIER_STATE_CHANGED, new DossierEvents.DossierStateChanged(APP, DOSSIER, "org-acme",
                Level.M2, null, "DRAFT", "CREATE", DossierEvents.ActedBy.VENDOR, null, AT));
        SAMPLES.put(EventType.M3_DOSSIER_STATE_CHANGED, new DossierEvents.DossierStateChanged(APP, DOSSIER, "org-acme",
                Level.M3, "DRAFT", "SUBMITTED", "SUBMIT", DossierEvents.ActedBy.VENDOR, null, AT));
        SAMPLES.put(EventType.M3_ENDED, new M3Events.M3Ended(APP, DOSSIER, LocalDate.parse("2028-03-31"),
                "temporary reimbursement reached its end date", "system", AT));
    }

    final ObjectMapper tree = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadSerializesToItsGoldenJson(EventType type) throws IOException {
        AppEvent sample = SAMPLES.get(type);
        assertThat(sample).as("a sample for %s", type).isNotNull();
        assertThat(EventType.of(sample)).isEqualTo(type);

        JsonNode actual = tree.readTree(EventJson.write(sample));
        assertThat(actual).isEqualTo(golden(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenJsonWithUnknownFieldsReadsBackToThePayload(EventType type) throws IOException {
        String withExtra = goldenText(type).replaceFirst("\\{",
                "{\"fieldFromAFutureProducer\": \"ignored\", \"nested\": {\"also\": 1}, ");

        AppEvent read = EventJson.read(withExtra, type);
        assertThat(read).isEqualTo(SAMPLES.get(type));
    }

    @Test
    void anM1ExpiryFromBeforeReasonAndDecidedByReadsWithNullsForThem() {
        M1Events.M1Expired read = (M1Events.M1Expired) EventJson.read("{\"appId\": \"" + APP + "\", \"dossierId\": \""
                + DOSSIER + "\", \"certificateExpiredOn\": \"2026-02-28\", \"expiredAt\": \"2026-03-01T09:30:00Z\"}",
                EventType.M1_EXPIRED);
        assertThat(read).isEqualTo(new M1Events.M1Expired(APP, DOSSIER, LocalDate.parse("2026-02-28"), null, null, AT));
    }

    @Test
    void anM1GrantFromBeforeTheNotifiedBodyAndDataProtectionReadsWithNullsForThem() {
        M1Events.M1Granted read = (M1Events.M1Granted) EventJson.read("{\"appId\": \"" + APP + "\", \"dossierId\": \""
                + DOSSIER + "\", \"regulation\": \"MDR\", \"deviceClass\": \"IIa\", \"certificateNumber\": "
                + "\"CE-2026-0042\", \"certificateExpiresOn\": \"2030-12-31\", \"decidedBy\": \"fiona\", "
                + "\"decidedAt\": \"2026-03-01T09:30:00Z\"}", EventType.M1_GRANTED);
        assertThat(read).isEqualTo(new M1Events.M1Granted(APP, DOSSIER, "MDR", "IIa", "CE-2026-0042",
                LocalDate.parse("2030-12-31"), "fiona", AT));
        assertThat(read.notifiedBody()).isNull();
        assertThat(read.dpoContact()).isNull();
        assertThat(read.privacyPolicyUrl()).isNull();
        assertThat(read.replacesDossierId()).as("a grant from before renewals replaces none").isNull();
    }

    @Test
    void ceTypesFollowTheNamingScheme() {
        assertThat(EventType.M1_GRANTED.ceType()).isEqualTo("be.mhealth.pyramid.m1.granted.v1");
        for (EventType t : EventType.values()) {
            assertThat(t.ceType()).startsWith("be.mhealth.pyramid.").endsWith(".v1");
            assertThat(EventType.byCeType(t.ceType())).contains(t);
        }
        assertThat(EventType.byCeType("be.mhealth.pyramid.m9.unknown.v1")).isEmpty();
    }

    @Test
    void topicsAreVersionedAndProducedByOneService() {
        assertThat(Topic.values()).extracting(Topic::topicName)
                .containsExactly("registry.apps.v1", "m1.decisions.v1", "m2.decisions.v1", "m3.decisions.v1");
        assertThat(Topic.byName("m2.decisions.v1")).isEqualTo(Topic.M2_DECISIONS);
        assertThatThrownBy(() -> Topic.byName("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedPayloadIsReportedNotSwallowed() {
        assertThatThrownBy(() -> EventJson.read("{\"appId\": 42}", EventType.M1_GRANTED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("M1Granted");
    }

    @Test
    void significantChangesNameTheLevelTheyConcern() {
        assertThat(RegistryEvents.SignificantChange.concerns(List.of(RegistryEvents.SignificantChange.HOSTING,
                RegistryEvents.SignificantChange.DEVICE_CLASS, RegistryEvents.SignificantChange.AUTHENTICATION)))
                .containsExactly(Level.M1, Level.M2);
        assertThat(RegistryEvents.SignificantChange.concerns(List.of(RegistryEvents.SignificantChange.INTENDED_PURPOSE)))
                .containsExactly(Level.M1);
        assertThat(RegistryEvents.SignificantChange.concerns(List.of(RegistryEvents.SignificantChange.DATA_FLOWS)))
                .containsExactly(Level.M2);
        assertThat(RegistryEvents.SignificantChange.concerns(List.of())).isEmpty();
    }

    @Test
    void levelOrdering() {
        assertThat(Level.reaches(Level.M3, Level.M2)).isTrue();
        assertThat(Level.reaches(Level.M1, Level.M2)).isFalse();
        assertThat(Level.reaches(null, Level.M1)).isFalse();
    }

    private JsonNode golden(EventType type) throws IOException {
        return tree.readTree(goldenText(type));
    }

    private String goldenText(EventType type) throws IOException {
        String file = "/golden/" + type.ceType() + ".json";
        try (InputStream in = getClass().getResourceAsStream(file)) {
            assertThat(in).as("golden file %s", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
