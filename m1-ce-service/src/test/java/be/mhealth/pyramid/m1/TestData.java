package be.mhealth.pyramid.m1;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.mhealth.pyramid.m1.domain.Attachment;
import be.mhealth.pyramid.m1.domain.AttachmentContent;
import be.mhealth.pyramid.m1.domain.AttachmentKind;
import be.mhealth.pyramid.m1.domain.Certificate;
import be.mhealth.pyramid.m1.domain.DataArea;
import be.mhealth.pyramid.m1.domain.DeviceClass;
import be.mhealth.pyramid.m1.domain.Dossier;
import be.mhealth.pyramid.m1.domain.DossierAction;
import be.mhealth.pyramid.m1.domain.DossierStatus;
import be.mhealth.pyramid.m1.domain.GdprDeclaration;
import be.mhealth.pyramid.m1.domain.LegalBasis;
import be.mhealth.pyramid.m1.domain.Regulation;
import be.mhealth.pyramid.m1.repository.AttachmentContentRepository;
import be.mhealth.pyramid.m1.repository.AttachmentRepository;
import be.mhealth.pyramid.m1.repository.DossierRepository;
import be.mhealth.pyramid.m1.repository.DossierTransitionRepository;
import be.mhealth.pyramid.support.projection.AppCopy;
import be.mhealth.pyramid.support.projection.AppCopyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Test data: apps in the local app copy (as the registry's events would leave them) and dossiers brought to a
 * given state through the domain's own transitions.
 */
@ApplicationScoped
public class TestData {

    public static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final AppCopyRepository apps;
    private final DossierRepository dossiers;
    private final DossierTransitionRepository history;
    private final AttachmentRepository attachments;
    private final AttachmentContentRepository contents;
    private final Clock clock;

    TestData(AppCopyRepository apps, DossierRepository dossiers, DossierTransitionRepository history,
            AttachmentRepository attachments, AttachmentContentRepository contents, Clock clock) {
        this.apps = apps;
        this.dossiers = dossiers;
        this.history = history;
        this.attachments = attachments;
        this.contents = contents;
        this.clock = clock;
    }

    /** A new app owned by {@code organization}, holding no level. */
    public UUID app(String organization) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            AppCopy app = new AppCopy();
            app.appId = id;
            app.organizationId = organization;
            app.updatedAt = OffsetDateTime.now(clock);
            apps.persist(app);
        });
        return id;
    }

    /** A dossier (class IIa, MDR) for a new app, with a CE certificate attached, walked to {@code target}. */
    public Dossier dossier(String organization, DossierStatus target, LocalDate expiresOn) {
        UUID appId = app(organization);
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            Dossier d = Dossier.open(appId, organization, "alice", now);
            d.certificate = certificate(now.toLocalDate().minusYears(1), expiresOn);
            d.famhpNotification = "BE-FAMHP-" + appId.toString().substring(0, 8);
            d.gdpr = gdpr();
            dossiers.persist(d);
            history.persist(d.creation());
            attach(d.id);
            for (DossierAction step : path(target)) {
                String actor = step == DossierAction.SUBMIT || step == DossierAction.WITHDRAW ? "alice" : "fiona";
                history.persist(step == DossierAction.EXPIRE ? d.expire(expiresOn, "m1-ce-service", now, "test set-up")
                        : d.apply(step, actor, now, "test set-up"));
            }
            return d;
        });
    }

    public Dossier reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> dossiers.findById(id));
    }

    private static List<DossierAction> path(DossierStatus target) {
        return switch (target) {
            case DRAFT -> List.of();
            case SUBMITTED -> List.of(DossierAction.SUBMIT);
            case IN_REVIEW -> List.of(DossierAction.SUBMIT, DossierAction.START_REVIEW);
            case INFO_REQUESTED -> List.of(DossierAction.SUBMIT, DossierAction.START_REVIEW,
                    DossierAction.REQUEST_INFO);
            case APPROVED -> List.of(DossierAction.SUBMIT, DossierAction.START_REVIEW, DossierAction.APPROVE);
            case REJECTED -> List.of(DossierAction.SUBMIT, DossierAction.START_REVIEW, DossierAction.REJECT);
            case WITHDRAWN -> List.of(DossierAction.WITHDRAW);
            case REVOKED -> List.of(DossierAction.SUBMIT, DossierAction.START_REVIEW, DossierAction.APPROVE,
                    DossierAction.REVOKE);
            case EXPIRED -> List.of(DossierAction.SUBMIT, DossierAction.START_REVIEW, DossierAction.APPROVE,
                    DossierAction.EXPIRE);
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
        a.uploadedBy = "alice";
        a.uploadedAt = OffsetDateTime.now(clock);
        attachments.persist(a);
        AttachmentContent c = new AttachmentContent();
        c.attachmentId = a.id;
        c.content = PDF;
        contents.persist(c);
    }

    private static Certificate certificate(LocalDate issuedOn, LocalDate expiresOn) {
        Certificate c = new Certificate();
        c.regulation = Regulation.MDR;
        c.deviceClass = DeviceClass.IIa;
        c.notifiedBody = "0123";
        c.number = "CE-" + UUID.randomUUID().toString().substring(0, 8);
        c.issuedOn = issuedOn;
        c.expiresOn = expiresOn;
        c.udiDi = "05412345000013";
        c.intendedPurpose = Map.of("en", "Diabetes diary");
        return c;
    }

    private static GdprDeclaration gdpr() {
        GdprDeclaration g = new GdprDeclaration();
        g.dpoContact = "dpo@medisoft.be";
        g.legalBasis = LegalBasis.CONSENT;
        g.dataArea = DataArea.EU_EEA;
        g.privacyPolicyUrl = "https://medisoft.be/privacy";
        return g;
    }

    /** A valid create/update body (mutable maps, so a test can break one field). */
    public Map<String, Object> body(UUID appId) {
        LocalDate today = LocalDate.now(clock);
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
