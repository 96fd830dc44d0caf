package be.mhealth.pyramid.registry.messaging;

import static be.mhealth.pyramid.testing.ContractStorage.NOT_STORED;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Topic;
import be.mhealth.pyramid.support.inbox.InboxHandlers;
import be.mhealth.pyramid.testing.ContractStorage;
import be.mhealth.pyramid.testing.KafkaResource;
import be.mhealth.pyramid.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The registry's storage holds every limit of the decisions it consumes: each limited part of each payload (and the
 * CloudEvents id and type) is mapped to the columns that store it, and each column holds the contract's limit.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ContractStorageTest {

    static final List<String> GRANTED_BY = List.of("level_grant.granted_by", "level_change.actor");
    static final List<String> ENDED_BY = List.of("level_grant.ended_by", "level_change.actor");
    static final List<String> END_REASON = List.of("level_grant.end_reason", "level_change.reason");

    /** Where the registry stores each limited part of what it consumes. */
    static final Map<String, List<String>> STORED = Map.ofEntries(
            entry(ContractStorage.CE_ID, List.of("processed_event.event_id", "level_grant.grant_event_id",
                    "level_grant.end_event_id", "level_change.cause_event_id")),
            entry(ContractStorage.CE_TYPE, List.of("processed_event.type", "level_grant.end_event_type",
                    "level_change.cause_event_type")),
            entry("M1Granted.regulation", List.of("level_grant.regulation")),
            entry("M1Granted.deviceClass", List.of("level_grant.device_class")),
            entry("M1Granted.certificateNumber", List.of("level_grant.certificate_number")),
            entry("M1Granted.decidedBy", GRANTED_BY),
            entry("M1Granted.notifiedBody", List.of("level_grant.notified_body")),
            entry("M1Granted.legalBasis", List.of("level_grant.legal_basis")),
            entry("M1Granted.dataArea", List.of("level_grant.data_area")),
            entry("M1Granted.dataCountry", List.of("level_grant.data_country")),
            entry("M1Granted.transferMechanism", List.of("level_grant.transfer_mechanism")),
            entry("M1Granted.dpoContact", List.of("level_grant.dpo_contact")),
            entry("M1Granted.privacyPolicyUrl", List.of("level_grant.privacy_policy_url")),
            entry("M1Rejected.reason", NOT_STORED),
            entry("M1Rejected.decidedBy", NOT_STORED),
            entry("M1Revoked.reason", END_REASON),
            entry("M1Revoked.decidedBy", ENDED_BY),
            entry("M1Expired.reason", END_REASON),
            entry("M1Expired.decidedBy", ENDED_BY),
            // An extension updates the grant's expiry date; who and why stay in M1's history.
            entry("M1CertificateExtended.legalBasis", NOT_STORED),
            entry("M1CertificateExtended.reason", NOT_STORED),
            entry("M1CertificateExtended.decidedBy", NOT_STORED),
            // Expiry warnings are for the vendor and FAMHP; the registry ignores them.
            entry("M1CertificateExpiring.organizationId", NOT_STORED),
            entry("M1CertificateExpiring.warning", NOT_STORED),
            entry("M2Granted.criteriaMet", List.of("level_grant.criteria_met")),
            entry("M2Granted.criteriaMet[]", List.of("level_grant.criteria_met")),
            entry("M2Granted.decidedBy", GRANTED_BY),
            entry("M2Rejected.reason", NOT_STORED),
            entry("M2Rejected.decidedBy", NOT_STORED),
            entry("M2Revoked.reason", END_REASON),
            entry("M2Revoked.decidedBy", ENDED_BY),
            entry("M3Granted.kind", List.of("level_grant.reimbursement_kind", "level_change.reimbursement_kind")),
            entry("M3Granted.nomenclatureCode", List.of("level_grant.nomenclature_code")),
            entry("M3Granted.amount", List.of("level_grant.amount")),
            entry("M3Granted.unit", List.of("level_grant.unit")),
            entry("M3Granted.decidedBy", GRANTED_BY),
            entry("M3Declined.reason", NOT_STORED),
            entry("M3Declined.decidedBy", NOT_STORED),
            entry("M3Ended.reason", END_REASON),
            entry("M3Ended.decidedBy", ENDED_BY),
            // Every level's dossier state changes share one payload; the registry ignores them.
            entry("DossierStateChanged.organizationId", NOT_STORED),
            entry("DossierStateChanged.level", NOT_STORED),
            entry("DossierStateChanged.from", NOT_STORED),
            entry("DossierStateChanged.to", NOT_STORED),
            entry("DossierStateChanged.action", NOT_STORED),
            entry("DossierStateChanged.actedBy", NOT_STORED),
            entry("DossierStateChanged.reason", NOT_STORED));

    @Inject
    InboxHandlers handlers;

    @Inject
    AgroalDataSource db;

    @Test
    void everyLimitOfEveryConsumedPayloadFitsTheColumnsStoringIt() throws Exception {
        assertThat(handlers.topics()).containsExactlyInAnyOrder(Topic.M1_DECISIONS, Topic.M2_DECISIONS,
                Topic.M3_DECISIONS);
        try (Connection connection = db.getConnection()) {
            ContractStorage.check(connection, handlers.topics(), STORED);
        }
    }

    @Test
    void aLimitedPartWithoutAnEntryOrAColumnTooNarrowFails() throws Exception {
        Map<String, List<String>> missing = new HashMap<>(STORED);
        missing.remove("M1Revoked.reason");
        Map<String, List<String>> narrow = new HashMap<>(STORED);
        narrow.put("M1Revoked.reason", List.of("level_grant.certificate_number"));
        try (Connection connection = db.getConnection()) {
            assertThatThrownBy(() -> ContractStorage.check(connection, handlers.topics(), missing))
                    .hasMessageContaining("M1Revoked.reason: limited, but the test names no column");
            assertThatThrownBy(() -> ContractStorage.check(connection, handlers.topics(), narrow))
                    .hasMessageContaining("level_grant.certificate_number: holds 100 characters");
        }
    }
}
