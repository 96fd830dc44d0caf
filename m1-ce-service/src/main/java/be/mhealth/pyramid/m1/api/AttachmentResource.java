package be.mhealth.pyramid.m1.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import be.mhealth.pyramid.m1.domain.Attachment;
import be.mhealth.pyramid.m1.domain.AttachmentKind;
import be.mhealth.pyramid.m1.service.AttachmentService;
import be.mhealth.pyramid.support.paging.PageParams;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;
import be.mhealth.pyramid.support.web.IdempotentWrites;
import be.mhealth.pyramid.support.web.QueryParams;

/**
 * A dossier's PDF attachments: uploaded as {@code multipart/form-data} (parts {@code kind} and {@code file}) or as
 * a raw {@code application/pdf} body with {@code ?kind=}; at most {@code pyramid.m1.attachments.max-size} (413
 * beyond), checked to be a PDF, within the organization's quota, SHA-256 recorded, bytes kept in PostgreSQL. Read
 * by whoever may read the dossier (FAMHP never sees a draft's).
 */
@Path(M1DossierResource.PATH + "/{id}/attachments")
@Tag(name = "M1 dossiers")
public class AttachmentResource {

    private final AttachmentService service;
    private final IdempotentWrites writes;
    private final Caller caller;

    AttachmentResource(AttachmentService service, IdempotentWrites writes, Caller caller) {
        this.service = service;
        this.writes = writes;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Operation(operationId = "uploadM1Attachment", summary = "Attach a PDF while DRAFT or INFO_REQUESTED: "
            + "multipart (parts kind and file), or the raw PDF with ?kind=")
    @APIResponseSchema(value = M1Attachment.class, responseCode = "201")
    public Response uploadForm(@PathParam("id") UUID id,
            @RestForm @PartType(MediaType.TEXT_PLAIN) @NotNull
            @Schema(implementation = AttachmentKind.class) String kind,
            @RestForm("file") @NotNull FileUpload file,
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        AttachmentKind attachmentKind = QueryParams.enumValue("kind", kind, AttachmentKind.class);
        requireWithinCap(file.size());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store(id, attachmentKind, file.fileName(), bytes, key);
    }

    @POST
    @Consumes(AttachmentService.PDF)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Operation(operationId = "uploadM1AttachmentPdf", summary = "Attach a PDF sent as the raw body, while DRAFT or "
            + "INFO_REQUESTED")
    @APIResponseSchema(value = M1Attachment.class, responseCode = "201")
    public Response uploadRaw(@PathParam("id") UUID id,
            @Parameter(description = "What the document is (the raw PDF upload)",
                    schema = @Schema(implementation = AttachmentKind.class))
            @QueryParam("kind") @NotNull String kind,
            @Parameter(description = "The file name to record") @QueryParam("fileName") @Size(max = 200)
            String fileName,
            @HeaderParam(IdempotentWrites.HEADER) String key,
            InputStream body) {
        AttachmentKind attachmentKind = QueryParams.enumValue("kind", kind, AttachmentKind.class);
        byte[] bytes;
        try {
            bytes = body.readNBytes(Math.toIntExact(Math.min(service.maxSize() + 1, Integer.MAX_VALUE - 8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        requireWithinCap(bytes.length);
        return store(id, attachmentKind, fileName, bytes, key);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.VENDOR, Roles.FAMHP_ASSESSOR })
    @Operation(operationId = "listM1Attachments", summary = "List a dossier's attachments (metadata), oldest first")
    public M1AttachmentPage list(@PathParam("id") UUID id, @BeanParam PageParams paging) {
        return M1AttachmentPage.of(service.list(id, paging.request()));
    }

    @GET
    @Path("{attachmentId}/content")
    @Produces({ AttachmentService.PDF, "application/problem+json" })
    @RolesAllowed({ Roles.VENDOR, Roles.FAMHP_ASSESSOR })
    @Operation(operationId = "downloadM1Attachment", summary = "Download an attachment's PDF; Repr-Digest carries "
            + "its SHA-256")
    @APIResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = AttachmentService.PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        AttachmentService.Download download = service.download(id, attachmentId);
        Attachment a = download.attachment();
        return Response.ok(download.content(), AttachmentService.PDF)
                .header("Content-Disposition", "attachment; filename=\"" + a.fileName + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(a.sha256)) + ":")
                .build();
    }

    private Response store(UUID id, AttachmentKind kind, String fileName, byte[] bytes, String key) {
        return writes.run(key, caller.name(), "POST " + M1DossierResource.PATH + "/{id}/attachments",
                Map.of("dossierId", id, "kind", kind, "fileName", String.valueOf(fileName),
                        "sha256", AttachmentService.sha256(bytes)),
                () -> {
                    Attachment a = service.add(id, kind, fileName, bytes);
                    return Response.created(URI.create(M1DossierResource.PATH + "/" + id + "/attachments/" + a.id
                            + "/content")).entity(M1Attachment.of(a)).type(MediaType.APPLICATION_JSON).build();
                });
    }

    private void requireWithinCap(long size) {
        if (size > service.maxSize()) {
            throw new WebApplicationException("the attachment exceeds the limit of " + service.maxSize() + " bytes",
                    Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        if (size == 0) {
            throw new RuleViolationException("file", "is empty");
        }
    }
}
