package be.mhealth.pyramid.notification.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.DossierEvents.DossierStateChanged;
import be.mhealth.pyramid.events.EventType;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.RegistryEvents.AppLevelChanged;
import be.mhealth.pyramid.events.RegistryEvents.AppVersionDeclared;
import be.mhealth.pyramid.events.RegistryEvents.AppWithdrawnFromMarket;

/**
 * The webhook event types a subscriber may ask for: one per event of the contract, named after its CloudEvents type
 * without prefix and version ({@code be.mhealth.pyramid.m1.granted.v1} → {@code m1.granted}), and who may receive it.
 * A vendor organization receives every type about its own apps and dossiers; an authority the decisions and dossier
 * state changes of its level (never a dossier still in draft), the level changes of apps that gained or lost its
 * level (public facts of the catalog), the new versions it must re-assess and the market withdrawals that ended its
 * grant.
 */
public final class EventCatalogue {

    /** The type of the test delivery ({@code POST …/{id}/test}); not subscribable. */
    public static final String PING = "webhook.ping";
    /** A dossier state that only its vendor sees. */
    static final String DRAFT = "DRAFT";

    /** One subscribable type. {@code level} is null for the registry's app events. */
    public record Entry(String name, EventType source, Level level, String description) {
    }

    private static final List<Entry> ENTRIES = Arrays.stream(EventType.values()).map(EventCatalogue::entry).toList();

    private EventCatalogue() {
    }

    public static List<Entry> all() {
        return ENTRIES;
    }

    public static Optional<Entry> find(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public static Entry of(EventType type) {
        return ENTRIES.get(type.ordinal());
    }

    /** The entries {@code audience} may subscribe to, in catalogue order. */
    public static List<Entry> subscribableBy(Audience audience) {
        return ENTRIES.stream().filter(e -> subscribable(audience, e)).toList();
    }

    public static boolean subscribable(Audience audience, Entry entry) {
        return audience.isVendor() || entry.level() == audience.level() || switch (entry.source()) {
            case APP_LEVEL_CHANGED, APP_VERSION_DECLARED, APP_WITHDRAWN_FROM_MARKET -> true;
            default -> false;
        };
    }

    /**
     * Whether {@code audience} may receive this event. {@code appOrganization} is the app's owner (from the event or
     * the local copy of the registry's apps); null when unknown, in which case a vendor receives nothing.
     */
    public static boolean receives(Audience audience, EventType type, AppEvent payload, String appOrganization) {
        if (!subscribable(audience, of(type))) {
            return false;
        }
        if (audience.isVendor()) {
            return audience.owner().equals(appOrganization);
        }
        return switch (payload) {
            case AppLevelChanged changed -> crosses(changed.fromLevel(), changed.effectiveLevel(), audience.level());
            case AppVersionDeclared declared -> declared.concerns() != null
                    && declared.concerns().contains(audience.level());
            case AppWithdrawnFromMarket withdrawn -> withdrawn.endedGrants() != null
                    && withdrawn.endedGrants().contains(audience.level());
            case DossierStateChanged changed -> !draftOnly(changed);
            default -> true;
        };
    }

    /** The app gained or lost {@code level}: it holds it on one side of the change only. */
    static boolean crosses(Level from, Level to, Level level) {
        return Level.reaches(from, level) != Level.reaches(to, level);
    }

    /** A change an authority never sees: the dossier was, and stays, outside its reach (created, edited, dropped). */
    static boolean draftOnly(DossierStateChanged changed) {
        boolean wasDraft = changed.from() == null || DRAFT.equals(changed.from());
        boolean staysOut = DRAFT.equals(changed.to()) || "WITHDRAWN".equals(changed.to());
        return wasDraft && staysOut;
    }

    /** The level an event type belongs to (null for the registry's app events). */
    public static Level levelOf(EventType type) {
        return switch (type.topic()) {
            case REGISTRY_APPS -> null;
            case M1_DECISIONS -> Level.M1;
            case M2_DECISIONS -> Level.M2;
            case M3_DECISIONS -> Level.M3;
        };
    }

    private static Entry entry(EventType type) {
        String ce = type.ceType();
        String name = ce.substring(EventType.TYPE_PREFIX.length(), ce.length() - EventType.TYPE_SUFFIX.length());
        return new Entry(name, type, levelOf(type), description(type));
    }

    private static String description(EventType type) {
        return switch (type) {
            case APP_REGISTERED -> "A vendor registered an app (it holds no level yet).";
            case APP_UPDATED -> "An app's listing data (names, category) changed.";
            case APP_LEVEL_CHANGED -> "An app's effective level in the pyramid changed (null: no level, not listed).";
            case APP_VERSION_DECLARED -> "A vendor declared a new app version with significant changes; `concerns` "
                    + "names the levels whose authorities re-assess it.";
            case APP_WITHDRAWN_FROM_MARKET -> "A vendor took an app off the market: its grants ended (`endedGrants`) "
                    + "and it holds no level for good.";
            case M1_GRANTED -> "FAMHP granted M1 (CE marking); carries the certificate's facts and expiry date.";
            case M1_REJECTED -> "FAMHP rejected an M1 dossier, with the reason.";
            case M1_REVOKED -> "FAMHP revoked an M1 grant, with the reason.";
            case M1_EXPIRED -> "The CE certificate behind an M1 grant expired.";
            case M1_CERTIFICATE_EXTENDED -> "FAMHP extended the validity of the CE certificate behind an M1 grant "
                    + "(new expiry date and legal basis).";
            case M1_CERTIFICATE_EXPIRING -> "The CE certificate behind an M1 grant expires in 90, then 30 days: time "
                    + "to open its renewal.";
            case M1_DOSSIER_STATE_CHANGED -> "An M1 dossier changed state (submitted, in review, information "
                    + "requested, withdrawn, decided …).";
            case M2_GRANTED -> "The eHealth platform granted M2; carries the criteria met.";
            case M2_REJECTED -> "The eHealth platform rejected an M2 dossier, with the reason.";
            case M2_REVOKED -> "The eHealth platform revoked an M2 grant, with the reason.";
            case M2_DOSSIER_STATE_CHANGED -> "An M2 dossier changed state (submitted, tested, in review, decided …).";
            case M3_GRANTED -> "NIHDI granted reimbursement (M3): kind, nomenclature code, amount and period.";
            case M3_DECLINED -> "NIHDI declined an M3 request, with the reason.";
            case M3_ENDED -> "An M3 reimbursement ended (its end date passed, or a later decision ended it).";
            case M3_DOSSIER_STATE_CHANGED -> "An M3 dossier changed state (admissibility, evaluation, clarification "
                    + "requested, decided …).";
        };
    }
}
