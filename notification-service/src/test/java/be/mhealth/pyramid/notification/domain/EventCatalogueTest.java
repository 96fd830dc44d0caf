package be.mhealth.pyramid.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.mhealth.pyramid.events.DossierEvents.DossierStateChanged;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M2Events.M2Granted;
import be.mhealth.pyramid.events.RegistryEvents.AppLevelChanged;
import be.mhealth.pyramid.events.RegistryEvents.AppVersionDeclared;
import be.mhealth.pyramid.events.RegistryEvents.AppWithdrawnFromMarket;
import be.mhealth.pyramid.events.RegistryEvents.MarketWithdrawalReason;
import be.mhealth.pyramid.events.RegistryEvents.SignificantChange;

/** Who may subscribe to and receive what. */
class EventCatalogueTest {

    static final Audience FAMHP = Audience.authority(Authority.FAMHP);
    static final Audience NIHDI = Audience.authority(Authority.NIHDI);
    static final Audience TEST_CENTRE = Audience.authority(Authority.TEST_CENTRE);
    static final Audience MEDISOFT = Audience.vendor("medisoft");
    final UUID app = UUID.randomUUID();

    @Test
    void namesFollowTheCloudEventsTypes() {
        assertThat(EventCatalogue.of(EventType.M1_GRANTED).name()).isEqualTo("m1.granted");
        assertThat(EventCatalogue.of(EventType.APP_LEVEL_CHANGED).name()).isEqualTo("registry.app.level-changed");
        assertThat(EventCatalogue.of(EventType.M3_DOSSIER_STATE_CHANGED).name()).isEqualTo("m3.dossier-state-changed");
        assertThat(EventCatalogue.all()).hasSize(EventType.values().length)
                .allSatisfy(e -> assertThat(e.description()).isNotBlank());
    }

    @Test
    void vendorsMaySubscribeToEverythingAuthoritiesToTheirLevelAndLevelChanges() {
        assertThat(EventCatalogue.subscribableBy(MEDISOFT)).hasSize(EventType.values().length);
        assertThat(EventCatalogue.subscribableBy(FAMHP)).extracting(EventCatalogue.Entry::name).containsExactly(
                "registry.app.level-changed", "registry.app.version-declared", "registry.app.withdrawn-from-market",
                "m1.granted", "m1.rejected", "m1.revoked", "m1.expired", "m1.certificate-extended",
                "m1.certificate-expiring", "m1.dossier-state-changed");
        assertThat(EventCatalogue.subscribableBy(TEST_CENTRE)).extracting(EventCatalogue.Entry::name)
                .contains("m2.granted", "m2.dossier-state-changed").doesNotContain("m1.granted", "m3.granted",
                        "registry.app.registered");
    }

    @Test
    void vendorsReceiveOnlyTheirOwnOrganizationsEvents() {
        M2Granted granted = new M2Granted(app, UUID.randomUUID(), java.util.List.of("SECURITY"), "eric", Instant.now());
        assertThat(EventCatalogue.receives(MEDISOFT, EventType.M2_GRANTED, granted, "medisoft")).isTrue();
        assertThat(EventCatalogue.receives(MEDISOFT, EventType.M2_GRANTED, granted, "carelab")).isFalse();
        assertThat(EventCatalogue.receives(MEDISOFT, EventType.M2_GRANTED, granted, null)).isFalse();
        assertThat(EventCatalogue.receives(FAMHP, EventType.M2_GRANTED, granted, "medisoft")).isFalse();
    }

    @Test
    void authoritiesNeverSeeADossierWhileItIsADraft() {
        assertThat(receivedByFamhp(null, "DRAFT", "CREATE")).isFalse();
        assertThat(receivedByFamhp("DRAFT", "DRAFT", "UPDATE")).isFalse();
        assertThat(receivedByFamhp("DRAFT", "WITHDRAWN", "WITHDRAW")).isFalse();
        assertThat(receivedByFamhp("DRAFT", "SUBMITTED", "SUBMIT")).isTrue();
        assertThat(receivedByFamhp("IN_REVIEW", "INFO_REQUESTED", "REQUEST_INFO")).isTrue();
        assertThat(receivedByFamhp("SUBMITTED", "WITHDRAWN", "WITHDRAW")).isTrue();
    }

    @Test
    void authoritiesReceiveTheLevelChangesThatGainOrLoseTheirLevel() {
        assertThat(levelChangeReaches(FAMHP, null, Level.M1)).isTrue();
        assertThat(levelChangeReaches(FAMHP, Level.M1, Level.M2)).isFalse();
        assertThat(levelChangeReaches(NIHDI, Level.M2, Level.M3)).isTrue();
        assertThat(levelChangeReaches(NIHDI, Level.M1, Level.M2)).isFalse();
        // M1 lapsed: the app loses every level at once
        assertThat(levelChangeReaches(FAMHP, Level.M3, null)).isTrue();
        assertThat(levelChangeReaches(NIHDI, Level.M3, null)).isTrue();
        assertThat(levelChangeReaches(TEST_CENTRE, Level.M3, null)).isTrue();
    }

    @Test
    void authoritiesReceiveTheVersionsTheyReassessAndTheWithdrawalsThatEndedTheirGrant() {
        AppVersionDeclared declared = new AppVersionDeclared(app, "medisoft", Level.M2, UUID.randomUUID(), "3.2.0",
                LocalDate.now(), Map.of(), List.of(SignificantChange.HOSTING), List.of(Level.M2), Instant.now());
        assertThat(EventCatalogue.receives(TEST_CENTRE, EventType.APP_VERSION_DECLARED, declared, "medisoft"))
                .isTrue();
        assertThat(EventCatalogue.receives(FAMHP, EventType.APP_VERSION_DECLARED, declared, "medisoft")).isFalse();
        assertThat(EventCatalogue.receives(MEDISOFT, EventType.APP_VERSION_DECLARED, declared, "medisoft")).isTrue();

        AppWithdrawnFromMarket withdrawn = new AppWithdrawnFromMarket(app, "medisoft", Level.M2, null,
                MarketWithdrawalReason.DISCONTINUED, "end of life", List.of(Level.M1, Level.M2), Instant.now());
        assertThat(EventCatalogue.receives(FAMHP, EventType.APP_WITHDRAWN_FROM_MARKET, withdrawn, "medisoft"))
                .isTrue();
        assertThat(EventCatalogue.receives(NIHDI, EventType.APP_WITHDRAWN_FROM_MARKET, withdrawn, "medisoft"))
                .isFalse();
        assertThat(EventCatalogue.receives(MEDISOFT, EventType.APP_WITHDRAWN_FROM_MARKET, withdrawn, "carelab"))
                .isFalse();
    }

    private boolean receivedByFamhp(String from, String to, String action) {
        DossierStateChanged changed = new DossierStateChanged(app, UUID.randomUUID(), "medisoft", Level.M1, from, to,
                action, "VENDOR", null, Instant.now());
        return EventCatalogue.receives(FAMHP, EventType.M1_DOSSIER_STATE_CHANGED, changed, "medisoft");
    }

    private boolean levelChangeReaches(Audience authority, Level from, Level to) {
        AppLevelChanged changed = new AppLevelChanged(app, "medisoft", from, to, "e1", "t", Instant.now());
        return EventCatalogue.receives(authority, EventType.APP_LEVEL_CHANGED, changed, "medisoft");
    }
}
