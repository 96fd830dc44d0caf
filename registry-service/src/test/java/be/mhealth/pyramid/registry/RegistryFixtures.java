package be.mhealth.pyramid.registry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.ObjectMapper;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.events.M1Events;
import be.mhealth.pyramid.events.M2Events;
import be.mhealth.pyramid.events.M3Events;
import be.mhealth.pyramid.events.RegistryEvents;
import be.mhealth.pyramid.registry.api.AppRequest;
import be.mhealth.pyramid.registry.api.AppVersionRequest;
import be.mhealth.pyramid.registry.api.MarketWithdrawalRequest;
import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.repository.AppRepository;
import be.mhealth.pyramid.registry.service.AppService;
import be.mhealth.pyramid.registry.service.AppVersionService;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/** Test data: listing bodies, apps created through the service, and decisions published as the level services would. */
@ApplicationScoped
public class RegistryFixtures {

    private final AppService apps;
    private final AppVersionService versions;
    private final AppRepository repository;
    private final ObjectMapper json;
    private final EntityManager em;

    RegistryFixtures(AppService apps, AppVersionService versions, AppRepository repository, ObjectMapper json,
            EntityManager em) {
        this.apps = apps;
        this.versions = versions;
        this.repository = repository;
        this.json = json;
        this.em = em;
    }

    /** A valid listing body (mutable, nested maps) named {@code name} in every language but German. */
    public static Map<String, Object> body(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", map("nl", name + " NL", "fr", name + " FR", "en", name + " EN"));
        body.put("summary", map("nl", "Samenvatting van " + name, "fr", "Résumé de " + name, "en", "Summary of " + name));
        body.put("description", map("en", "A longer description of " + name));
        body.put("category", "DIABETES");
        body.put("targetUsers", new ArrayList<>(List.of("PATIENT")));
        body.put("platforms", new ArrayList<>(List.of("IOS", "ANDROID")));
        body.put("website", "https://example.be/" + name.replace(' ', '-'));
        body.put("storeLinks", map("appStore", "https://apps.apple.com/app/id1", "googlePlay",
                "https://play.google.com/store/apps/details?id=be.example"));
        body.put("supportContact", map("email", "support@example.be", "phone", "+32 2 123 45 67"));
        body.put("supportedLanguages", new ArrayList<>(List.of("nl", "fr", "en")));
        return body;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> child(Map<String, Object> body, String field) {
        return (Map<String, Object>) body.get(field);
    }

    /** Creates the app as {@code organization}'s vendor would, through the service (no HTTP identity needed). */
    public UUID create(Map<String, Object> body, String organization) {
        return create(body, organization, "fixture");
    }

    /** Creates the app as the vendor user {@code actor} of {@code organization} would. */
    public UUID create(Map<String, Object> body, String organization, String actor) {
        AppRequest request = json.convertValue(body, AppRequest.class);
        return QuarkusTransaction.requiringNew().call(() -> apps.create(request, organization, actor).id);
    }

    /** A valid version body: {@code version} released today, notes in nl, fr and en, these significant changes. */
    public static Map<String, Object> versionBody(String version, String... significantChanges) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put("releasedOn", PlatformCalendar.dayOf(Instant.now()).toString());
        body.put("releaseNotes", map("nl", "Versie " + version + ": betere grafieken", "fr",
                "Version " + version + " : meilleurs graphiques", "en", "Version " + version + ": better charts"));
        body.put("significantChanges", new ArrayList<>(List.of(significantChanges)));
        return body;
    }

    /** Declares a version as the vendor user {@code actor} of {@code organization} would; returns its id. */
    public UUID declare(UUID appId, Map<String, Object> body, String organization, String actor) {
        AppVersionRequest request = json.convertValue(body, AppVersionRequest.class);
        return QuarkusTransaction.requiringNew().call(() -> versions.declare(appId, request, organization, actor).id);
    }

    /** Withdraws the app from the market as the vendor user {@code actor} of {@code organization} would. */
    public void withdraw(UUID appId, String organization, String actor, String category, String reason) {
        MarketWithdrawalRequest request = new MarketWithdrawalRequest(
                RegistryEvents.MarketWithdrawalReason.valueOf(category), reason);
        QuarkusTransaction.requiringNew().run(() -> apps.withdrawFromMarket(appId, request, organization, actor));
    }

    public App app(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            App app = repository.findById(id);
            em.detach(app);
            return app;
        });
    }

    public Level level(UUID id) {
        return app(id).effectiveLevel;
    }

    /** Waits until the registry has processed the event with this id. */
    public void awaitProcessed(String eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                        .createNativeQuery("select count(*) from processed_event where event_id = ?1")
                        .setParameter(1, eventId).getSingleResult()).longValue() == 1));
    }

    /** The number of rows a count query returns, in a transaction of its own. */
    public long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            jakarta.persistence.Query query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** Events of this CloudEvents type the registry wrote to its outbox for an app (committed with the change). */
    public long outboxEvents(UUID appId, be.mhealth.pyramid.events.EventType type) {
        return count("select count(*) from outbox_event where app_id = ?1 and type = ?2", appId, type.ceType());
    }

    /** Runs one SQL statement in a transaction of its own. */
    public void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    /** One row of parked_event, as tests check it. */
    public record Parked(long id, String status, Long blockedBy, String eventId, String errorMessage, int attempts,
            String resolvedBy, String discardReason) {
    }

    /** The parked and held events of an app (record key), oldest first. */
    public List<Parked> parked(Object appId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select id, status, blocked_by, event_id, error_message, attempts, "
                    + "resolved_by, discard_reason from parked_event where record_key = ?1 order by id")
                    .setParameter(1, appId.toString()).getResultList();
            return rows.stream().map(r -> (Object[]) r).map(c -> new Parked(((Number) c[0]).longValue(),
                    (String) c[1], c[2] == null ? null : ((Number) c[2]).longValue(), (String) c[3], (String) c[4],
                    ((Number) c[5]).intValue(), (String) c[6], (String) c[7])).toList();
        });
    }

    /** Waits until an app has {@code count} parked or held events, and returns them. */
    public List<Parked> awaitParked(Object appId, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> parked(appId).size() >= count);
        return parked(appId);
    }

    /** Publishes {@code event} with a fresh CloudEvents id, waits until it is processed, and returns the id. */
    public String feed(AppEvent event) {
        String id = UUID.randomUUID().toString();
        TopicReader.publish(id, event);
        awaitProcessed(id);
        return id;
    }

    public static M1Events.M1Granted m1Granted(UUID appId, UUID dossier, LocalDate expiresOn) {
        return new M1Events.M1Granted(appId, dossier, "MDR 2017/745", "IIa", "CE-" + dossier.toString().substring(0, 8),
                expiresOn, "fiona", Instant.now());
    }

    /** An M1 grant with every fact M1 publishes: notified body and the vendor's GDPR declaration. */
    public static M1Events.M1Granted m1GrantedWithFacts(UUID appId, LocalDate expiresOn, String dataArea,
            String dataCountry, String transferMechanism) {
        return new M1Events.M1Granted(appId, UUID.randomUUID(), "MDR", "IIa", "CE-" + appId.toString().substring(0, 8),
                expiresOn, "fiona", Instant.now(), "0123", "CONSENT", dataArea, dataCountry, transferMechanism,
                "dpo@example.be", "https://example.be/privacy", null);
    }

    public static M2Events.M2Granted m2Granted(UUID appId) {
        return new M2Events.M2Granted(appId, UUID.randomUUID(), List.of("AUTHENTICATION", "SECURITY"), "eric",
                Instant.now());
    }

    public static M3Events.M3Granted m3Granted(UUID appId) {
        return new M3Events.M3Granted(appId, UUID.randomUUID(), M3Events.ReimbursementKind.TEMPORARY, "790012",
                new BigDecimal("45.50"), "per patient per month", LocalDate.now(), LocalDate.now().plusYears(2),
                "nina", Instant.now());
    }

    /** Grants every level up to {@code level} and waits until each decision is processed. */
    public void raiseTo(UUID appId, Level level) {
        feed(m1Granted(appId, UUID.randomUUID(), LocalDate.now().plusYears(3)));
        if (level.atLeast(Level.M2)) {
            feed(m2Granted(appId));
        }
        if (level.atLeast(Level.M3)) {
            feed(m3Granted(appId));
        }
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
