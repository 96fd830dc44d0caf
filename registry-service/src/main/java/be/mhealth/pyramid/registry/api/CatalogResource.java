package be.mhealth.pyramid.registry.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.config.RegistryConfig;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.Labels;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.domain.Platform;
import be.mhealth.pyramid.registry.domain.TargetUser;
import be.mhealth.pyramid.registry.repository.CatalogFilter;
import be.mhealth.pyramid.registry.service.CatalogService;
import be.mhealth.pyramid.support.problem.Problem;
import be.mhealth.pyramid.support.time.PlatformCalendar;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "The public catalog of listed apps and the platform's figures")
public class CatalogResource {

    /** Bumped when the JSON of catalog or stats responses changes shape, so that no cache keeps the old one. */
    private static final int FORMAT = 4;

    /** What {@code include} can add to the catalog's listed apps. */
    enum Include {
        /** formerly listed apps, now without a level (after the listed ones, with {@code listed: false}) */
        DELISTED
    }

    private final CatalogService catalog;
    private final Paging paging;
    private final Clock clock;
    private final String cacheControl;

    CatalogResource(CatalogService catalog, Paging paging, Clock clock, RegistryConfig config) {
        this.catalog = catalog;
        this.paging = paging;
        this.clock = clock;
        this.cacheControl = config.catalog().cacheControl();
    }

    @GET
    @Path("catalog")
    @PermitAll
    @Operation(operationId = "listCatalogApps", summary = "Search the catalog", description = "Apps with an effective level (M1 and up), highest "
            + "level first, then by name in the chosen language (with `include=delisted`, the formerly listed apps "
            + "follow). The language comes from `lang`, else from "
            + "Accept-Language (the first of nl, fr, en, de it names), else en; the response says which in "
            + "`language` and Content-Language. German texts fall back to English per app. `total` and `facets` are "
            + "exact. Deep pages: follow `next` with `cursor` (same cost at any depth). The ETag moves with every "
            + "change to the catalog (and at midnight, as certificates expire); If-None-Match gets 304.")
    @Parameter(name = HttpHeaders.ACCEPT_LANGUAGE, in = ParameterIn.HEADER,
            description = "preferred languages, used when `lang` is absent", example = "nl-BE, fr;q=0.8",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "One page of listed apps",
            headers = { @Header(name = "Content-Language", description = "the language used",
                            schema = @Schema(type = SchemaType.STRING, enumeration = { "nl", "fr", "en", "de" })),
                    @Header(name = "ETag", description = "the catalog's revision, date and language",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = "public; revalidate with If-None-Match",
                            schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match",
            headers = @Header(name = "ETag", description = "the current tag", schema = @Schema(type = SchemaType.STRING)))
    public Response search(
            @Parameter(description = "minimum effective level", schema = @Schema(implementation = Level.class))
            @QueryParam("level") @OneOf(Level.class) String level,
            @Parameter(description = "medical field", schema = @Schema(implementation = Category.class)) @QueryParam("category") @OneOf(Category.class) String category,
            @Parameter(description = "platform the app runs on", schema = @Schema(implementation = Platform.class))
            @QueryParam("platform") @OneOf(Platform.class) String platform,
            @Parameter(description = "who the app is for", schema = @Schema(implementation = TargetUser.class))
            @QueryParam("targetUser") @OneOf(TargetUser.class) String targetUser,
            @Parameter(description = "text to find in name or summary (in the chosen language), 3 to 100 characters")
            @QueryParam("q") @Size(min = 3, max = 100) String q,
            @Parameter(description = "language of the texts; overrides Accept-Language", schema = @Schema(implementation = Language.class))
            @QueryParam("lang") @OneOf(Language.class) String lang,
            @Parameter(description = "page number, from 0") @QueryParam("page") @Min(0) Integer page,
            @Parameter(description = "page size (default 20, capped at 100)") @QueryParam("size") @Min(1) Integer size,
            @Parameter(description = "the `next` of the previous page (keyset paging; not with `page`)")
            @QueryParam("cursor") @Size(max = 1000) String cursor,
            @Parameter(description = "`delisted` adds the formerly listed apps (after the listed ones, with `listed: "
                    + "false`, `delistedOn` and `delistingReason`; never with `level`); counted in `total` and in the "
                    + "category, platform and target-user facets", schema = @Schema(enumeration = { "delisted" }))
            @QueryParam("include") @OneOf(Include.class) String include,
            @Parameter(description = "the ETag of a page already held: 304 while it is current",
                    schema = @Schema(type = SchemaType.STRING)) @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context HttpHeaders headers, @Context Request request) {
        Language language = lang != null ? parse(Language.class, lang) : negotiate(headers.getAcceptableLanguages());
        String text = q == null || q.isBlank() ? null : q.trim();
        CatalogFilter filter = new CatalogFilter(parse(Level.class, level), parse(Category.class, category),
                parse(Platform.class, platform), parse(TargetUser.class, targetUser), text, language,
                parse(Include.class, include) == Include.DELISTED);
        int s = paging.size(size);
        CatalogCursor from = null;
        if (cursor != null) {
            if (page != null) {
                return invalid("page", "not allowed together with cursor");
            }
            from = CatalogCursor.decode(cursor)
                    .filter(c -> c.fingerprint() == CatalogCursor.fingerprint(filter, s)).orElse(null);
            if (from == null) {
                return invalid("cursor", "is not the next of a page with these filters, language and size");
            }
        }
        int p = from != null ? from.page() : page == null ? 0 : page;
        // The revision is read before the data, so an ETag never claims data newer than it labels.
        long revision = catalog.revision();
        LocalDate today = PlatformCalendar.today(clock);
        EntityTag etag = new EntityTag("c" + FORMAT + "-" + revision + "-" + today.toEpochDay() + "-" + language.code(),
                true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return cacheHeaders(notModified, etag).header(HttpHeaders.CONTENT_LANGUAGE, language.code()).build();
        }
        CatalogService.Result result = catalog.search(filter, revision, p, s, from == null ? null : from.after());
        List<CatalogItem> items = result.apps().stream()
                .map(app -> CatalogItem.of(app, result.grants().getOrDefault(app.id(), List.of()), today,
                        Labels.of(language)))
                .toList();
        String next = result.next() == null ? null
                : new CatalogCursor(CatalogCursor.fingerprint(filter, s), p + 1, result.next()).encode();
        return cacheHeaders(Response.ok(new CatalogPage(items, p, s, result.total(), language.code(),
                result.facets(), next)), etag)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.code())
                .build();
    }

    @GET
    @Path("stats")
    @PermitAll
    @Operation(operationId = "getCatalogStats", summary = "Listed apps per level", description = "The platform's headline figures.")
    @APIResponse(responseCode = "200", description = "Counts",
            headers = @Header(name = "ETag", description = "the catalog's revision", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatsView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match",
            headers = @Header(name = "ETag", description = "the current tag", schema = @Schema(type = SchemaType.STRING)))
    public Response stats(
            @Parameter(description = "the ETag of figures already held: 304 while they are current",
                    schema = @Schema(type = SchemaType.STRING)) @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context Request request) {
        long revision = catalog.revision();
        EntityTag etag = new EntityTag("s" + FORMAT + "-" + revision, true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return cacheHeaders(notModified, etag).build();
        }
        Map<Level, Long> perLevel = catalog.listedPerLevel(revision);
        return cacheHeaders(Response.ok(new StatsView(perLevel.values().stream().mapToLong(Long::longValue).sum(),
                perLevel, catalog.delisted(revision))), etag).build();
    }

    private Response.ResponseBuilder cacheHeaders(Response.ResponseBuilder response, EntityTag etag) {
        return response.tag(etag).header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    private static Response invalid(String parameter, String message) {
        return Problem.of(400, "validation", "Invalid request", parameter + ": " + message)
                .withErrors(List.of(new Problem.FieldError(parameter, message))).toResponse();
    }

    /** The first language of Accept-Language (by preference) that the catalog serves; else the default. */
    static Language negotiate(List<Locale> acceptable) {
        return acceptable.stream()
                .map(locale -> Language.of(locale.getLanguage()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(Language.DEFAULT);
    }

    /** A value already checked by {@link OneOf}; null stays null. */
    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    }
}
