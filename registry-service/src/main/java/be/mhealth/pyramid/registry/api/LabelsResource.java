package be.mhealth.pyramid.registry.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.registry.config.RegistryConfig;
import be.mhealth.pyramid.registry.domain.Labels;
import be.mhealth.pyramid.registry.domain.Language;

/** The public labels of every code the API returns, per language: reference data that changes only with a release. */
@Path("/api/v1/labels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class LabelsResource {

    /** Bumped when the JSON's shape changes, so that no cache keeps the old one. */
    private static final int FORMAT = 1;

    private final String cacheControl;

    LabelsResource(RegistryConfig config) {
        this.cacheControl = config.labels().cacheControl();
    }

    @GET
    @PermitAll
    @Operation(operationId = "getLabels", summary = "Labels of every code", description = "Levels, categories, "
            + "platforms, target users, authorities, the app view's topics and their statuses, M2 criteria (label, "
            + "one-line explanation, topic), delisting reasons, market-withdrawal reasons, reimbursement kinds and "
            + "units, regulations and the GDPR declaration's codes, in one language: `lang`, else Accept-Language, "
            + "else en. Labels exist in nl, fr and en; de gets en (`language` and Content-Language say so). "
            + "Cacheable: the ETag changes only when a label does; If-None-Match gets 304.")
    @Parameter(name = HttpHeaders.ACCEPT_LANGUAGE, in = ParameterIn.HEADER,
            description = "preferred languages, used when `lang` is absent", example = "fr-BE, nl;q=0.8",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "The labels",
            headers = { @Header(name = "Content-Language", description = "the language of the labels",
                            schema = @Schema(type = SchemaType.STRING, enumeration = { "nl", "fr", "en" })),
                    @Header(name = "ETag", description = "the labels' version and language",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "public, kept for an hour",
                            schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LabelsView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match",
            headers = @Header(name = "ETag", description = "the current tag", schema = @Schema(type = SchemaType.STRING)))
    public Response labels(
            @Parameter(description = "language of the labels; overrides Accept-Language",
                    schema = @Schema(implementation = Language.class))
            @QueryParam("lang") @OneOf(Language.class) String lang,
            @Parameter(description = "the ETag of labels already held: 304 while they are current",
                    schema = @Schema(type = SchemaType.STRING)) @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context HttpHeaders headers, @Context Request request) {
        Language asked = lang != null ? CatalogResource.parse(Language.class, lang)
                : CatalogResource.negotiate(headers.getAcceptableLanguages());
        Labels labels = Labels.of(asked);
        EntityTag etag = new EntityTag("l" + FORMAT + "-" + labels.language().code() + "-" + labels.fingerprint());
        Response.ResponseBuilder response = request.evaluatePreconditions(etag);
        if (response == null) {
            response = Response.ok(LabelsView.of(labels));
        }
        return response.tag(etag).header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header(HttpHeaders.CONTENT_LANGUAGE, labels.language().code()).build();
    }
}
