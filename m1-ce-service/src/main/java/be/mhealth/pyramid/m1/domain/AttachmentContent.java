package be.mhealth.pyramid.m1.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of an attachment, kept apart so that listing attachments never loads them. */
@Entity
@Table(name = "dossier_attachment_content")
public class AttachmentContent {

    @Id
    @Column(name = "attachment_id")
    public UUID attachmentId;

    @Column(nullable = false, updatable = false)
    public byte[] content;
}
