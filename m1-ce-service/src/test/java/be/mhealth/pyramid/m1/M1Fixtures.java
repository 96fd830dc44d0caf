package be.mhealth.pyramid.m1;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.events.DossierEvents.ActedBy;
import be.mhealth.pyramid.m1.domain.Attachment;
import be.mhealth.pyramid.m1.domain.AttachmentContent;
import be.mhealth.pyramid.m1.domain.AttachmentKind;
import be.mhealth.pyramid.m1.domain.Certificate;
import be.mhealth.pyramid.m1.domain.DataArea;
import be.mhealth.pyramid.m1.domain.DeviceClass;
import be.mhealth.pyramid.m1.domain.GdprDeclaration;
import be.mhealth.pyramid.m1.domain.LegalBasis;
import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.domain.M1DossierAction;
import be.mhealth.pyramid.m1.domain.M1DossierState;
import be.mhealth.pyramid.m1.domain.M1Evidence;
import be.mhealth.pyramid.m1.domain.Regulation;
import be.mhealth.pyramid.m1.repository.AttachmentContentRepository;
import be.mhealth.pyramid.m1.repository.AttachmentRepository;
import be.mhealth.pyramid.m1.repository.M1DossierRepository;
import be.mhealth.pyramid.m1.repository.M1DossierTransitionRepository;
import be.mhealth.pyramid.support.projection.AppCopy;
import be.mhealth.pyramid.support.projection.AppCopyRepository;
import be.mhealth.pyramid.support.security.Actor;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * M1 test fixtures: apps in the local app copy (as the registry's events would leave them), dossiers brought to a
 * given state through the aggregate's own transitions, and valid request bodies.
 */
@ApplicationScoped
public class M1Fixtures {

    public static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private static final Actor VENDOR = new Actor(Actors.ALICE, ActedBy.VENDOR);
    private static final Actor FAMHP = new Actor(Actors.FIONA, ActedBy.AUTHORITY);

    private final AppCopyRepository apps;
    private final M1DossierRepository dossiers;
    private final M1DossierTransitionRepository transitions;
    private final AttachmentRepository attachments;
    private final AttachmentContentRepository contents;
    private final Clock clock;

    M1Fixtures(AppCopyRepository apps, M1DossierRepository dossiers, M1DossierTransitionRepository transitions,
            AttachmentRepository attachments, AttachmentContentRepository contents, Clock clock) {
        this.apps = apps;
        this.dossiers = dossiers;
        this.transitions = transitions;
        this.attachments = attachments;
        this.contents = contents;
        this.clock = clock;
    }

    /** Today on the platform's calendar (a Belgian day), by the (movable) clock. */
    public LocalDate today() {
        return PlatformCalendar.today(clock);
    }

    /** A new app owned by {@code organization}, holding no level, named in English. */
    public UUID app(String organization) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            AppCopy app = new AppCopy();
            app.appId = id;
            app.organizationId = organization;
            app.name = Map.of("en", "App " + id.toString().substring(0, 8));
            app.updatedAt = OffsetDateTime.now(clock);
            apps.persist(app);
        });
        return id;
    }

    /** A dossier (class IIa, MDR) for a new app, with a CE certificate attached, walked to {@code target}. */
    public M1Dossier dossier(String organization, M1DossierState target, LocalDate expiresOn) {
        UUID appId = app(organization);
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            M1Evidence evidence = new M1Evidence(certificate(today().minusYears(1), expiresOn),
                    "BE-FAMHP-" + appId.toString().substring(0, 8), gdpr());
            M1Dossier d = M1Dossier.open(appId, organization, evidence, VENDOR, now);
            dossiers.persist(d);
            transitions.persist(d.creation());
            attach(d.id());
            for (M1DossierAction step : path(target)) {
                transitions.persist(switch (step) {
                    case SUBMIT -> d.submit(List.of(AttachmentKind.CE_CERTIFICATE), VENDOR, now);
                    case WITHDRAW -> d.withdraw("test set-up", VENDOR, now);
                    case START_REVIEW -> d.startReview(FAMHP, now);
                    case REQUEST_INFO -> d.requestInfo("test set-up", FAMHP, now);
                    case APPROVE -> d.approve("test set-up", FAMHP, now);
                    case REJECT -> d.reject("test set-up", FAMHP, now);
                    case REVOKE -> d.revoke("test set-up", FAMHP, now);
                    case EXPIRE -> d.expireEarlier(today().minusDays(1), "test set-up", FAMHP, now);
                    case CREATE, RENEW, EXTEND, REQUEST_REASSESSMENT, CONFIRM, CLOSE -> throw new IllegalArgumentException(step + " is not a set-up step");
                });
            }
            return d;
        });
    }

    public M1Dossier reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> dossiers.findById(id));
    }

    private static List<M1DossierAction> path(M1DossierState target) {
        return switch (target) {
            case DRAFT -> List.of();
            case SUBMITTED -> List.of(M1DossierAction.SUBMIT);
            case IN_REVIEW -> List.of(M1DossierAction.SUBMIT, M1DossierAction.START_REVIEW);
            case INFO_REQUESTED -> List.of(M1DossierAction.SUBMIT, M1DossierAction.START_REVIEW,
                    M1DossierAction.REQUEST_INFO);
            case APPROVED -> List.of(M1DossierAction.SUBMIT, M1DossierAction.START_REVIEW, M1DossierAction.APPROVE);
            case REJECTED -> List.of(M1DossierAction.SUBMIT, M1DossierAction.START_REVIEW, M1DossierAction.REJECT);
            case WITHDRAWN -> List.of(M1DossierAction.WITHDRAW);
            case REVOKED -> List.of(M1DossierAction.SUBMIT, M1DossierAction.START_REVIEW, M1DossierAction.APPROVE,
                    M1DossierAction.REVOKE);
            case EXPIRED -> List.of(M1DossierAction.SUBMIT, M1DossierAction.START_REVIEW, M1DossierAction.APPROVE,
                    M1DossierAction.EXPIRE);
            case RENEWED, CLOSED -> throw new IllegalArgumentException(target + " is reached through events");
        };
    }

    private void attach(UUID dossierId) {
        Attachment a = new Attachment();
        a.id = UUID.randomUUID();
        a.dossierId = dossierId;
        a.kind = AttachmentKind.CE_CERTIFICATE;
        a.fileName = "certificate.pdf";
        a.contentType = "application/pdf";
        a.sizeBytes = PDF.length;
        a.sha256 = "0".repeat(64);
        a.uploadedBy = Actors.ALICE;
        a.uploadedAt = OffsetDateTime.now(clock);
        attachments.persist(a);
        AttachmentContent c = new AttachmentContent();
        c.attachmentId = a.id;
        c.content = PDF;
        contents.persist(c);
    }

    private static Certificate certificate(LocalDate issuedOn, LocalDate expiresOn) {
        return new Certificate(Regulation.MDR, DeviceClass.IIa, "0123", "CE-" + UUID.randomUUID().toString()
                .substring(0, 8), issuedOn, expiresOn, "05412345000013", Map.of("en", "Diabetes diary"));
    }

    private static GdprDeclaration gdpr() {
        return new GdprDeclaration("dpo@medisoft.be", LegalBasis.CONSENT, DataArea.EU_EEA, null, null,
                "https://medisoft.be/privacy");
    }

    /** A valid create/update body (mutable maps, so a test can break one field). */
    public Map<String, Object> body(UUID appId) {
        LocalDate today = today();
        Map<String, Object> certificate = new LinkedHashMap<>();
        certificate.put("regulation", "MDR");
        certificate.put("deviceClass", "IIa");
        certificate.put("notifiedBody", "0123");
        certificate.put("number", "CE-2026-0042");
        certificate.put("issuedOn", today.minusYears(1).toString());
        certificate.put("expiresOn", today.plusYears(3).toString());
        certificate.put("udiDi", "05412345000013");
        certificate.put("intendedPurpose", new HashMap<>(Map.of("en", "Diabetes diary", "nl", "Diabetesdagboek")));
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("area", "EU_EEA");
        Map<String, Object> gdpr = new LinkedHashMap<>();
        gdpr.put("dpoContact", "dpo@medisoft.be");
        gdpr.put("legalBasis", "CONSENT");
        gdpr.put("dataLocation", location);
        gdpr.put("privacyPolicyUrl", "https://medisoft.be/privacy");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appId", appId.toString());
        body.put("certificate", certificate);
        body.put("famhpNotification", "BE-FAMHP-2026-0042");
        body.put("gdpr", gdpr);
        return body;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> certificateOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("certificate");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> locationOf(Map<String, Object> body) {
        return (Map<String, Object>) ((Map<String, Object>) body.get("gdpr")).get("dataLocation");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> gdprOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("gdpr");
    }
}
