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
import be.mhealth.pyramid.registry.api.AppRequest;
import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.repository.AppRepository;
import be.mhealth.pyramid.registry.service.AppService;
import be.mhealth.pyramid.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

/** Test data: listing bodies, apps created through the service, and decisions published as the level services would. */
@ApplicationScoped
public class RegistryFixtures {

    private final AppService apps;
    private final AppRepository repository;
    private final ObjectMapper json;
    private final EntityManager em;

    RegistryFixtures(AppService apps, AppRepository repository, ObjectMapper json, EntityManager em) {
        this.apps = apps;
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
        AppRequest request = json.convertValue(body, AppRequest.class);
        return QuarkusTransaction.requiringNew().call(() -> apps.create(request, organization, "fixture").id);
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
