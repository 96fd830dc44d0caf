package be.mhealth.pyramid.portal.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.portal.api.Lang;
import be.mhealth.pyramid.portal.api.Msg;
import be.mhealth.pyramid.portal.api.Views;
import be.mhealth.pyramid.portal.client.ApiException;
import be.mhealth.pyramid.portal.client.api.AppsApi;
import be.mhealth.pyramid.portal.client.api.M1DossiersApi;
import be.mhealth.pyramid.portal.client.api.M1ReviewApi;
import be.mhealth.pyramid.portal.client.api.M2DossiersApi;
import be.mhealth.pyramid.portal.client.api.M2ReviewApi;
import be.mhealth.pyramid.portal.client.api.M3DossiersApi;
import be.mhealth.pyramid.portal.client.api.M3ReviewApi;
import be.mhealth.pyramid.portal.client.model.App;
import be.mhealth.pyramid.portal.client.model.M1Dossier;
import be.mhealth.pyramid.portal.client.model.M1ReviewQueueEntry;
import be.mhealth.pyramid.portal.client.model.M2Dossier;
import be.mhealth.pyramid.portal.client.model.M2ReviewQueueEntry;
import be.mhealth.pyramid.portal.client.model.M3Dossier;
import be.mhealth.pyramid.portal.client.model.M3ReviewQueueEntry;

/**
 * A signed-in user's view of the level services, through the gateway with the user's token: a vendor's apps with
 * their dossiers at M1, M2 and M3, and each authority's review queue. The one place that knows the three services'
 * operation names.
 */
@ApplicationScoped
public class DossierReader {

    /** The three authorities and the role that reads their queue. */
    public enum Authority {
        M1("famhp-assessor", "FAMHP"), M2("ehealth-assessor", "EHEALTH"), M3("nihdi-assessor", "NIHDI");

        public final String role;
        /** The authority's code in the API's labels. */
        public final String code;

        Authority(String role, String code) {
            this.role = role;
            this.code = code;
        }
    }

    private static final int MAX = 100;

    private final Gateway gateway;

    DossierReader(Gateway gateway) {
        this.gateway = gateway;
    }

    private record Dossier(UUID appId, Authority level, String state, OffsetDateTime updatedAt) {
    }

    public List<Views.VendorApp> vendorApps(Lang lang, Labels labels, Msg msg) throws ApiException {
        List<App> apps = gateway.userApps.listOwnApps(AppsApi.APIListOwnAppsRequest.newBuilder().size(MAX).build())
                .getItems();
        Map<UUID, List<Dossier>> byApp = new HashMap<>();
        for (M1Dossier d : gateway.userM1.listM1Dossiers(M1DossiersApi.APIListM1DossiersRequest.newBuilder()
                .size(MAX).build()).getItems()) {
            add(byApp, new Dossier(d.getAppId(), Authority.M1, d.getState().getValue(), d.getUpdatedAt()));
        }
        for (M2Dossier d : gateway.userM2.listM2Dossiers(M2DossiersApi.APIListM2DossiersRequest.newBuilder()
                .size(MAX).build()).getItems()) {
            add(byApp, new Dossier(d.getAppId(), Authority.M2, d.getState().getValue(), d.getUpdatedAt()));
        }
        for (M3Dossier d : gateway.userM3.listM3Dossiers(M3DossiersApi.APIListM3DossiersRequest.newBuilder()
                .size(MAX).build()).getItems()) {
            add(byApp, new Dossier(d.getAppId(), Authority.M3, d.getState().getValue(), d.getUpdatedAt()));
        }
        List<Views.VendorApp> out = new ArrayList<>();
        for (App a : apps) {
            List<Views.DossierLine> lines = new ArrayList<>();
            for (Dossier d : byApp.getOrDefault(a.getId(), List.of()).stream()
                    .sorted(Comparator.comparing(Dossier::level).thenComparing(Dossier::updatedAt,
                            Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList()) {
                lines.add(new Views.DossierLine(d.level().name(), labels.of("dossierState", d.state()),
                        waitsFor(d, msg, labels), date(d.updatedAt(), lang)));
            }
            String level = a.getLevel() == null ? null : a.getLevel().getValue();
            out.add(new Views.VendorApp(name(a, lang), level, labels.of("level", level),
                    a.getLevel() == null && !Boolean.TRUE.equals(a.getListed()) && a.getDelistedOn() == null,
                    "/" + lang.code() + "/apps/" + a.getId(), lines));
        }
        return out;
    }

    /** Who must act next on a dossier, from its state (the three services share the vocabulary's meaning). */
    private static String waitsFor(Dossier d, Msg msg, Labels labels) {
        return switch (d.state()) {
            case "DRAFT" -> msg.waits_vendor_submit();
            case "INFO_REQUESTED", "CLARIFICATION_REQUESTED" -> msg.waits_vendor_answer();
            case "SUBMITTED", "IN_REVIEW", "IN_EVALUATION" -> msg.waits_authority(labels.of("authority", d.level().code));
            default -> msg.waits_nothing();
        };
    }

    public Views.Queue queue(Authority authority, Lang lang, Labels labels) throws ApiException {
        List<Views.QueueLine> lines = new ArrayList<>();
        long total;
        Map<UUID, String> names = new HashMap<>();
        switch (authority) {
            case M1 -> {
                var page = gateway.userM1Review.listM1ReviewQueue(M1ReviewApi.APIListM1ReviewQueueRequest
                        .newBuilder().size(MAX).build());
                total = page.getTotal();
                for (M1ReviewQueueEntry e : page.getItems()) {
                    lines.add(line(name(e.getAppName(), e.getAppId(), lang, names), e.getState().getValue(),
                            e.getSubmittedAt(), e.getWaitingSince(), e.getDueDate(), lang));
                }
            }
            case M2 -> {
                var page = gateway.userM2Review.listM2ReviewQueue(M2ReviewApi.APIListM2ReviewQueueRequest.newBuilder()
                        .size(MAX).build());
                total = page.getTotal();
                for (M2ReviewQueueEntry e : page.getItems()) {
                    lines.add(line(name(e.getAppName(), e.getAppId(), lang, names), e.getState().getValue(),
                            e.getSubmittedAt(), e.getWaitingSince(), e.getDueDate(), lang));
                }
            }
            default -> {
                var page = gateway.userM3Review.listM3ReviewQueue(M3ReviewApi.APIListM3ReviewQueueRequest
                        .newBuilder().size(MAX).build());
                total = page.getTotal();
                for (M3ReviewQueueEntry e : page.getItems()) {
                    lines.add(line(name(e.getAppName(), e.getAppId(), lang, names), e.getState().getValue(),
                            e.getSubmittedAt(), e.getWaitingSince(), e.getDueDate(), lang));
                }
            }
        }
        return new Views.Queue(authority.name(), labels.of("authority", authority.code), lines, total);
    }

    /** The app's name in the page's language from a queue entry, else as the assessor may read it. */
    private String name(Map<String, String> name, UUID appId, Lang lang, Map<UUID, String> names) {
        String n = name == null ? null : name.getOrDefault(lang.code(), name.get("en"));
        return n != null ? n : appName(appId, lang, names);
    }

    /** The app's name as the assessor may read it (when the level's app copy does not know it yet). */
    private String appName(UUID appId, Lang lang, Map<UUID, String> names) {
        return names.computeIfAbsent(appId, id -> {
            try {
                return name(gateway.userApps.getApp(AppsApi.APIGetAppRequest.newBuilder().id(id).build()), lang);
            } catch (ApiException e) {
                return id.toString();
            }
        });
    }

    private static String name(App a, Lang lang) {
        if (a.getName() == null) {
            return a.getId().toString();
        }
        String n = switch (lang) {
            case NL -> a.getName().getNl();
            case FR -> a.getName().getFr();
            case EN -> a.getName().getEn();
        };
        return n == null || n.isBlank() ? a.getName().getEn() : n;
    }

    /** One queue line; the three levels' entries share their shape (due date: re-assessment or statutory clock). */
    private static Views.QueueLine line(String appName, String state, OffsetDateTime submittedAt,
            OffsetDateTime waitingSince, java.time.LocalDate dueDate, Lang lang) {
        return new Views.QueueLine(appName, state, date(submittedAt, lang), date(waitingSince, lang),
                dueDate == null ? null : java.time.format.DateTimeFormatter.ofLocalizedDate(
                        java.time.format.FormatStyle.LONG).withLocale(lang.locale()).format(dueDate),
                dueDate != null && dueDate.isBefore(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Brussels"))));
    }

    private static String date(OffsetDateTime time, Lang lang) {
        return time == null ? null : java.time.format.DateTimeFormatter.ofLocalizedDate(
                java.time.format.FormatStyle.MEDIUM).withLocale(lang.locale())
                .format(time.atZoneSameInstant(java.time.ZoneId.of("Europe/Brussels")));
    }

    private static void add(Map<UUID, List<Dossier>> byApp, Dossier d) {
        byApp.computeIfAbsent(d.appId(), k -> new ArrayList<>()).add(d);
    }
}
