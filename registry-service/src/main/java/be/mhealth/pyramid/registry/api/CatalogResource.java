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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.Category;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.domain.Platform;
import be.mhealth.pyramid.registry.domain.TargetUser;
import be.mhealth.pyramid.registry.repository.CatalogFilter;
import be.mhealth.pyramid.registry.service.CatalogService;
import be.mhealth.pyramid.support.problem.Problem;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog", description = "The public catalog of listed apps and the platform's figures")
public class CatalogResource {

    private final CatalogService catalog;
    private final Paging paging;
    private final Clock clock;

    CatalogResource(CatalogService catalog, Paging paging, Clock clock) {
        this.catalog = catalog;
        this.paging = paging;
        this.clock = clock;
    }

    @GET
    @Path("catalog")
    @PermitAll
    @Operation(summary = "Search the catalog", description = "Apps with an effective level (M1 and up), highest "
            + "level first, then by name in the chosen language. The language comes from `lang`, else from "
            + "Accept-Language (the first of nl, fr, en, de it names), else en; the response says which in "
            + "`language` and Content-Language. German texts fall back to English per app.")
    @Parameter(name = HttpHeaders.ACCEPT_LANGUAGE, in = ParameterIn.HEADER,
            description = "preferred languages, used when `lang` is absent", example = "nl-BE, fr;q=0.8")
    @APIResponse(responseCode = "200", description = "One page of listed apps",
            headers = @Header(name = "Content-Language", description = "the language used"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CatalogPage.class)))
    @APIResponse(responseCode = "400", description = "An invalid filter or paging parameter, named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
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
            @Parameter(description = "language of the texts; overrides Accept-Language", schema = @Schema(enumeration = { "nl", "fr", "en", "de" }))
            @QueryParam("lang") @OneOf(Language.class) String lang,
            @Parameter(description = "page number, from 0") @QueryParam("page") @Min(0) Integer page,
            @Parameter(description = "page size (default 20, capped at 100)") @QueryParam("size") @Min(1) Integer size,
            @Context HttpHeaders headers) {
        Language language = lang != null ? parse(Language.class, lang) : negotiate(headers.getAcceptableLanguages());
        String text = q == null || q.isBlank() ? null : q.trim();
        CatalogFilter filter = new CatalogFilter(parse(Level.class, level), parse(Category.class, category),
                parse(Platform.class, platform), parse(TargetUser.class, targetUser), text, language);
        int p = page == null ? 0 : page;
        int s = paging.size(size);
        CatalogService.Result result = catalog.search(filter, p, s);
        LocalDate today = LocalDate.now(clock);
        List<CatalogItem> items = result.apps().stream()
                .map(app -> CatalogItem.of(app, language, result.grants().getOrDefault(app.id, List.of()), today))
                .toList();
        return Response.ok(new CatalogPage(items, p, s, result.total(), language.code()))
                .header(HttpHeaders.CONTENT_LANGUAGE, language.code())
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }

    @GET
    @Path("stats")
    @PermitAll
    @Operation(summary = "Listed apps per level", description = "The platform's headline figures.")
    @APIResponse(responseCode = "200", description = "Counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatsView.class)))
    public StatsView stats() {
        Map<Level, Long> perLevel = catalog.listedPerLevel();
        return new StatsView(perLevel.values().stream().mapToLong(Long::longValue).sum(), perLevel);
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
