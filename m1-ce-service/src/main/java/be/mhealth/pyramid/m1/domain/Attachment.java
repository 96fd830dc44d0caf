package be.mhealth.pyramid.m1.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A PDF uploaded with a dossier (metadata; the bytes are in {@link AttachmentContent}). */
@Entity
@Table(name = "dossier_attachment")
public class Attachment {

    @Id
    public UUID id;

    @Column(name = "dossier_id", nullable = false, updatable = false)
    public UUID dossierId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public AttachmentKind kind;

    @Column(name = "file_name", nullable = false, updatable = false)
    public String fileName;

    @Column(name = "content_type", nullable = false, updatable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    public long sizeBytes;

    /** Hex SHA-256 of the bytes. */
    @Column(nullable = false, updatable = false)
    public String sha256;

    @Column(name = "uploaded_by", nullable = false, updatable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    public OffsetDateTime uploadedAt;
}
