package be.mhealth.pyramid.m1.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m1.domain.Attachment;
import be.mhealth.pyramid.m1.domain.AttachmentKind;

@Schema(name = "M1Attachment", description = "A PDF attached to a dossier", requiredProperties = { "id", "dossierId",
        "kind", "fileName", "contentType", "sizeBytes", "sha256", "uploadedBy", "uploadedAt" })
public record M1Attachment(UUID id, UUID dossierId, AttachmentKind kind, String fileName, String contentType,
        long sizeBytes, @Schema(description = "Hex SHA-256 of the bytes") String sha256, String uploadedBy,
        OffsetDateTime uploadedAt) {

    static M1Attachment of(Attachment a) {
        return new M1Attachment(a.id, a.dossierId, a.kind, a.fileName, a.contentType, a.sizeBytes, a.sha256,
                a.uploadedBy, a.uploadedAt);
    }
}
