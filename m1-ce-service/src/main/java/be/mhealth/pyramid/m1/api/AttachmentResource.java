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
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import be.mhealth.pyramid.m1.domain.Attachment;
import be.mhealth.pyramid.m1.domain.AttachmentKind;
import be.mhealth.pyramid.m1.service.AttachmentService;
import be.mhealth.pyramid.support.problem.Problem;
import be.mhealth.pyramid.support.problem.RuleViolationException;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;
import be.mhealth.pyramid.support.web.IdempotentWrites;

/**
 * A dossier's PDF attachments: uploaded as {@code multipart/form-data} (parts {@code kind} and {@code file}) or as
 * a raw {@code application/pdf} body with {@code ?kind=}; at most {@code pyramid.m1.attachments.max-size} (413
 * beyond), checked to be a PDF, SHA-256 recorded, bytes kept in PostgreSQL.
 */
@Path(DossierResource.PATH + "/{id}/attachments")
@Tag(name = "M1 dossiers")
@SecurityRequirement(name = "bearer")
public class AttachmentResource {

    static final String KINDS = "CE_CERTIFICATE|DECLARATION_OF_CONFORMITY";

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
    @Transactional
    @Operation(summary = "Attach a PDF (multipart: parts kind and file) while DRAFT or INFO_REQUESTED")
    @APIResponse(responseCode = "201", description = "Attached",
            content = @Content(schema = @Schema(implementation = AttachmentView.class)))
    @APIResponse(responseCode = "400", description = "kind or file missing or invalid", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a vendor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dossier of the caller's organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The dossier is not editable", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than the size cap", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not a PDF, or too many attachments", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response uploadForm(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @RestForm @PartType(MediaType.TEXT_PLAIN) @NotNull
            @Pattern(regexp = KINDS, message = "must be one of " + KINDS) String kind,
            @RestForm("file") @NotNull FileUpload file,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotentWrites.HEADER) String key) {
        requireWithinCap(file.size());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store(id, AttachmentKind.valueOf(kind), file.fileName(), bytes, key);
    }

    @POST
    @Consumes(AttachmentService.PDF)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Transactional
    @Operation(summary = "Attach a PDF sent as the raw body while DRAFT or INFO_REQUESTED")
    @APIResponse(responseCode = "201", description = "Attached",
            content = @Content(schema = @Schema(implementation = AttachmentView.class)))
    @APIResponse(responseCode = "400", description = "kind missing or invalid", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a vendor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dossier of the caller's organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The dossier is not editable", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than the size cap", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not a PDF, or too many attachments", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response uploadRaw(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @Parameter(description = "What the document is", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "CE_CERTIFICATE", "DECLARATION_OF_CONFORMITY" }))
            @QueryParam("kind") @NotNull @Pattern(regexp = KINDS, message = "must be one of " + KINDS) String kind,
            @Parameter(description = "The file name to record") @QueryParam("fileName") @Size(max = 200)
            String fileName,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotentWrites.HEADER) String key,
            InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(Math.toIntExact(Math.min(service.maxSize() + 1, Integer.MAX_VALUE - 8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        requireWithinCap(bytes.length);
        return store(id, AttachmentKind.valueOf(kind), fileName, bytes, key);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.VENDOR, Roles.FAMHP_ASSESSOR })
    @Transactional
    @Operation(summary = "List a dossier's attachments (metadata), oldest first")
    @APIResponse(responseCode = "200", description = "One page")
    @APIResponse(responseCode = "400", description = "Bad page", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither vendor nor FAMHP assessor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dossier (or another organization's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<AttachmentView> list(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100") @QueryParam("size")
            @DefaultValue(PageView.DEFAULT_SIZE) @Min(1) @Max(PageView.MAX_SIZE) int size) {
        return PageView.of(service.list(id), page, size, AttachmentView::of);
    }

    @GET
    @Path("{attachmentId}/content")
    @Produces({ AttachmentService.PDF, Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.VENDOR, Roles.FAMHP_ASSESSOR })
    @Transactional
    @Operation(summary = "Download an attachment's PDF; Repr-Digest carries its SHA-256")
    @APIResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = AttachmentService.PDF,
                    schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither vendor nor FAMHP assessor", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such dossier or attachment", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response download(@Parameter(description = "Dossier id") @PathParam("id") UUID id,
            @Parameter(description = "Attachment id") @PathParam("attachmentId") UUID attachmentId) {
        AttachmentService.Download download = service.download(id, attachmentId);
        Attachment a = download.attachment();
        return Response.ok(download.content(), AttachmentService.PDF)
                .header("Content-Disposition", "attachment; filename=\"" + a.fileName + "\"")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(a.sha256)) + ":")
                .build();
    }

    private Response store(UUID id, AttachmentKind kind, String fileName, byte[] bytes, String key) {
        return writes.run(key, caller.name(), "POST " + DossierResource.PATH + "/{id}/attachments",
                Map.of("dossierId", id, "kind", kind, "fileName", String.valueOf(fileName), "sha256", AttachmentService.sha256(bytes)),
                () -> {
                    Attachment a = service.add(id, kind, fileName, bytes);
                    return Response.created(URI.create(DossierResource.PATH + "/" + id + "/attachments/" + a.id
                            + "/content")).entity(AttachmentView.of(a)).type(MediaType.APPLICATION_JSON).build();
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
