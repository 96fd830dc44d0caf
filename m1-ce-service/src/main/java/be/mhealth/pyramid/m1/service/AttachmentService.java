package be.mhealth.pyramid.m1.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import be.mhealth.pyramid.m1.config.M1Settings;
import be.mhealth.pyramid.m1.domain.Attachment;
import be.mhealth.pyramid.m1.domain.AttachmentContent;
import be.mhealth.pyramid.m1.domain.AttachmentKind;
import be.mhealth.pyramid.m1.domain.M1Dossier;
import be.mhealth.pyramid.m1.repository.AttachmentContentRepository;
import be.mhealth.pyramid.m1.repository.AttachmentRepository;
import be.mhealth.pyramid.support.paging.Page;
import be.mhealth.pyramid.support.paging.PageRequest;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.security.Caller;

/**
 * PDF attachments of a dossier: checked (PDF, size, the dossier's and the organization's quotas), hashed (SHA-256)
 * and stored in PostgreSQL. Who may see them is the dossier's access ({@link M1DossierAccess}).
 */
@ApplicationScoped
@Transactional
public class AttachmentService {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    public static final String PDF = "application/pdf";

    private final AttachmentRepository attachments;
    private final AttachmentContentRepository contents;
    private final M1DossierAccess access;
    private final M1Settings.Attachments settings;
    private final Caller caller;
    private final Clock clock;

    AttachmentService(AttachmentRepository attachments, AttachmentContentRepository contents, M1DossierAccess access,
            M1Settings settings, Caller caller, Clock clock) {
        this.attachments = attachments;
        this.contents = contents;
        this.access = access;
        this.settings = settings.attachments();
        this.caller = caller;
        this.clock = clock;
    }

    /** The size cap of one file in bytes (413 beyond; the resource checks it before reading further). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long maxSize() {
        return settings.maxSize().asLongValue();
    }

    /** Adds a PDF while the dossier is DRAFT or INFO_REQUESTED, within the dossier's and organization's quotas. */
    public Attachment add(UUID dossierId, AttachmentKind kind, String fileName, byte[] bytes) {
        M1Dossier dossier = access.forVendorChange(dossierId);
        dossier.requireEditable("add attachments to");
        if (bytes.length < PDF_MAGIC.length || !Arrays.equals(bytes, 0, PDF_MAGIC.length, PDF_MAGIC, 0,
                PDF_MAGIC.length)) {
            throw new RuleViolationException("file", "is not a PDF (a PDF starts with %PDF-)");
        }
        if (attachments.ofDossier(dossierId).count() >= settings.maxPerDossier()) {
            throw new RuleViolationException("attachments",
                    "a dossier holds at most " + settings.maxPerDossier() + " attachments");
        }
        requireWithinOrganizationQuota(dossier.organizationId(), bytes.length);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Attachment attachment = new Attachment();
        attachment.id = UUID.randomUUID();
        attachment.dossierId = dossierId;
        attachment.kind = kind;
        attachment.fileName = safeFileName(fileName, kind);
        attachment.contentType = PDF;
        attachment.sizeBytes = bytes.length;
        attachment.sha256 = sha256(bytes);
        attachment.uploadedBy = caller.name();
        attachment.uploadedAt = now.atOffset(ZoneOffset.UTC);
        attachments.persist(attachment);
        AttachmentContent content = new AttachmentContent();
        content.attachmentId = attachment.id;
        content.content = bytes;
        contents.persist(content);
        return attachment;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Attachment> list(UUID dossierId, PageRequest page) {
        access.readable(dossierId);
        return Page.of(attachments.ofDossier(dossierId), page);
    }

    /** The attachment and its bytes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Download download(UUID dossierId, UUID attachmentId) {
        access.readable(dossierId);
        Attachment attachment = attachments.findInDossier(dossierId, attachmentId)
                .orElseThrow(() -> new ResourceNotFoundException("attachment", attachmentId));
        return new Download(attachment, contents.findById(attachmentId).content);
    }

    public record Download(Attachment attachment, byte[] content) {
    }

    /** Serialized per organization, so that concurrent uploads cannot both pass the quota. */
    private void requireWithinOrganizationQuota(String organization, long size) {
        attachments.lockOrganization(organization);
        AttachmentRepository.Usage usage = attachments.usageOf(organization);
        if (usage.count() >= settings.maxPerOrganization()) {
            throw RuleViolationException.quota("file", "organization " + organization + " holds "
                    + usage.count() + " attachments, the most it may hold (" + settings.maxPerOrganization()
                    + "), counting every dossier's (attachments are kept as records)");
        }
        long maxBytes = settings.maxTotalSizePerOrganization().asLongValue();
        if (usage.bytes() + size > maxBytes) {
            throw RuleViolationException.quota("file", "organization " + organization + " holds "
                    + usage.bytes() + " bytes of attachments; this file's " + size + " bytes would exceed its quota of "
                    + maxBytes + " bytes");
        }
    }

    /** Hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file name safe for a Content-Disposition header. */
    static String safeFileName(String fileName, AttachmentKind kind) {
        String name = fileName == null ? "" : fileName.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (name.isEmpty()) {
            name = kind.name().toLowerCase().replace('_', '-') + ".pdf";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
