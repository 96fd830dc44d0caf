package be.mhealth.pyramid.support.projection;

import static be.mhealth.pyramid.testing.ContractStorage.NOT_STORED;
import static java.util.Map.entry;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.Topic;
import be.mhealth.pyramid.testing.ContractStorage;
import be.mhealth.pyramid.testing.PostgresResource;

/**
 * The level services' storage of what they consume ({@code registry.apps.v1} into the app copy, and the inbox's
 * records) holds every limit of the contract: the same migrations as the services, on a real PostgreSQL.
 */
class AppCopyStorageTest {

    static final List<String> ORGANIZATION = List.of("app_copy.organization_id");
    static final List<String> LEVEL = List.of("app_copy.effective_level");
    static final List<String> NAME = List.of("app_copy.name");

    static final Map<String, List<String>> STORED = Map.ofEntries(
            entry(ContractStorage.CE_ID, List.of("processed_event.event_id")),
            entry(ContractStorage.CE_TYPE, List.of("processed_event.type")),
            entry("AppRegistered.organizationId", ORGANIZATION),
            entry("AppRegistered.name", NAME),
            entry("AppRegistered.name{key}", NAME),
            entry("AppRegistered.name{}", NAME),
            entry("AppRegistered.category", NOT_STORED),
            entry("AppRegistered.effectiveLevel", LEVEL),
            entry("AppUpdated.organizationId", ORGANIZATION),
            entry("AppUpdated.name", NAME),
            entry("AppUpdated.name{key}", NAME),
            entry("AppUpdated.name{}", NAME),
            entry("AppUpdated.category", NOT_STORED),
            entry("AppUpdated.effectiveLevel", LEVEL),
            entry("AppLevelChanged.organizationId", ORGANIZATION),
            entry("AppLevelChanged.fromLevel", NOT_STORED),
            entry("AppLevelChanged.effectiveLevel", LEVEL),
            entry("AppLevelChanged.causeEventId", NOT_STORED),
            entry("AppLevelChanged.causeEventType", NOT_STORED),
            // Versions and market withdrawals: the app copy keeps no version; a withdrawal's level change comes as
            // AppLevelChanged. What the level services will keep of them is theirs to map.
            entry("AppVersionDeclared.organizationId", NOT_STORED),
            entry("AppVersionDeclared.effectiveLevel", NOT_STORED),
            entry("AppVersionDeclared.version", NOT_STORED),
            entry("AppVersionDeclared.releaseNotes", NOT_STORED),
            entry("AppVersionDeclared.releaseNotes{key}", NOT_STORED),
            entry("AppVersionDeclared.releaseNotes{}", NOT_STORED),
            entry("AppVersionDeclared.significantChanges", NOT_STORED),
            entry("AppVersionDeclared.significantChanges[]", NOT_STORED),
            entry("AppVersionDeclared.concerns", NOT_STORED),
            entry("AppVersionDeclared.concerns[]", NOT_STORED),
            entry("AppWithdrawnFromMarket.organizationId", NOT_STORED),
            entry("AppWithdrawnFromMarket.fromLevel", NOT_STORED),
            entry("AppWithdrawnFromMarket.effectiveLevel", NOT_STORED),
            entry("AppWithdrawnFromMarket.reasonCategory", NOT_STORED),
            entry("AppWithdrawnFromMarket.reason", NOT_STORED),
            entry("AppWithdrawnFromMarket.endedGrants", NOT_STORED),
            entry("AppWithdrawnFromMarket.endedGrants[]", NOT_STORED));

    @Test
    void theAppCopyHoldsEveryLimitOfTheRegistrysEvents() throws Exception {
        Flyway.configure().dataSource(PostgresResource.jdbcUrl(), "postgres", "postgres")
                .locations("classpath:db/support", "classpath:db/app-copy").load().migrate();
        try (Connection connection = PostgresResource.server().getPostgresDatabase().getConnection()) {
            ContractStorage.check(connection, Set.of(Topic.REGISTRY_APPS), STORED);
        }
    }
}
