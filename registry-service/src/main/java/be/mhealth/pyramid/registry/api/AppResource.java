package be.mhealth.pyramid.registry.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.domain.AppVersion;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import be.mhealth.pyramid.registry.repository.LevelChangeRepository;
import be.mhealth.pyramid.registry.service.AppService;
import be.mhealth.pyramid.registry.service.AppVersionService;
import be.mhealth.pyramid.registry.service.Viewer;
import be.mhealth.pyramid.support.openapi.PyramidOpenApiFilter;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.support.web.EntityTags;
import be.mhealth.pyramid.support.web.IdempotentWrites;

@Path("/api/v1/apps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Apps", description = "App records: vendors create and edit their listing data; anyone reads listed apps")
public class AppResource {

    private final AppService apps;
    private final AppVersionService versions;
    private final LevelChangeRepository history;
    private final IdempotentWrites idempotent;
    private final Caller caller;
    private final Paging paging;
    private final Clock clock;

    AppResource(AppService apps, AppVersionService versions, LevelChangeRepository history,
            IdempotentWrites idempotent, Caller caller, Paging paging, Clock clock) {
        this.apps = apps;
        this.versions = versions;
        this.history = history;
        this.idempotent = idempotent;
        this.caller = caller;
        this.paging = paging;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Transactional
    @Operation(operationId = "createApp", summary = "Register an app", description = "Creates an app owned by the caller's organization. It has "
            + "no level (a draft, visible to that organization only) until the level services grant M1. A retry "
            + "with the same Idempotency-Key returns the first response instead of creating a second app.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = { @Header(name = "Location", description = "the new app's URL (on the gateway)",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "the record's version, for If-Match on updates",
                            schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppView.class)))
    public Response create(
            @Parameter(description = "makes a retried create return the first result", schema = @Schema(type = SchemaType.STRING, maxLength = 255)) @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AppRequest.class),
                    examples = @ExampleObject(name = "app", value = AppRequest.EXAMPLE)))
            @NotNull @Valid AppRequest request) {
        String organization = caller.requireOrganization();
        return idempotent.run(idempotencyKey, caller.name(), "POST /api/v1/apps", request, () -> {
            App app = apps.create(request, organization, caller.name());
            return Response.created(URI.create("/api/v1/apps/" + app.id))
                    .tag(EntityTags.of(app.version))
                    .entity(AppView.of(app, List.of(), null, Language.DEFAULT, Viewer.of(caller), today()))
                    .build();
        });
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Transactional
    @Operation(operationId = "updateApp", summary = "Update an app's listing data", description = "Replaces the listing data of one of the "
            + "caller's organization's apps. Requires If-Match with the record's current ETag.")
    @APIResponse(responseCode = "200", description = "Updated",
            headers = @Header(name = "ETag", description = "the record's new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppView.class)))
    public Response update(
            @Parameter(description = "the app id") @PathParam("id") UUID id,
            @Parameter(description = "the ETag of the version being edited", required = true, schema = @Schema(type = SchemaType.STRING)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "makes a retried update return the first result", schema = @Schema(type = SchemaType.STRING, maxLength = 255)) @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AppRequest.class),
                    examples = @ExampleObject(name = "app", value = AppRequest.EXAMPLE)))
            @NotNull @Valid AppRequest request) {
        String organization = caller.requireOrganization();
        return idempotent.run(idempotencyKey, caller.name(), "PUT /api/v1/apps/" + id, request, () -> {
            App app = apps.update(id, request, organization, ifMatch, caller.name());
            return Response.ok(AppView.of(app, apps.grantsOf(id), versions.current(app), Language.DEFAULT,
                    Viewer.of(caller), today()))
                    .tag(EntityTags.of(app.version))
                    .build();
        });
    }

    @GET
    @Path("{id}")
    @PermitAll
    @SecurityRequirementsSet
    @SecurityRequirement(name = PyramidOpenApiFilter.SCHEME)
    @Operation(operationId = "getApp", summary = "Read an app", description = "Listed apps (with an effective level) and formerly listed "
            + "ones (`listed: false`, with `delistedOn` and `delistingReason`) are public. An app that was never "
            + "listed is visible only to its own organization (a vendor token); anyone else gets 404. People's names "
            + "(createdBy, updatedBy) only for the owning vendor and the authorities; the organization for others. "
            + "`topics` holds the five topics (CE marking, data protection, communication security, interoperability, "
            + "financing), each ASSESSED or NOT_ASSESSED, and the `…Label` fields and topics are in the language of "
            + "`lang`, else Accept-Language, else en (labels exist in nl, fr and en; de gets en).")
    @APIResponse(responseCode = "200", description = "The app, with the facts of each level it holds and its topics",
            headers = @Header(name = "ETag", description = "the record's version, for If-Match on updates",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppView.class)))
    public Response get(@Parameter(description = "the app id") @PathParam("id") UUID id,
            @Parameter(description = "language of the labels, topics and current version's release notes; overrides "
                    + "Accept-Language",
                    schema = @Schema(enumeration = { "nl", "fr", "en", "de" }))
            @QueryParam("lang") @OneOf(Language.class) String lang,
            @Context HttpHeaders headers) {
        Viewer viewer = Viewer.of(caller);
        App app = apps.visibleTo(id, viewer);
        Language language = lang != null ? CatalogResource.parse(Language.class, lang)
                : CatalogResource.negotiate(headers.getAcceptableLanguages());
        return Response.ok(AppView.of(app, apps.grantsOf(id), versions.current(app), language, viewer, today()))
                .tag(EntityTags.of(app.version)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }

    @GET
    @Path("{id}/history")
    @PermitAll
    @SecurityRequirementsSet
    @SecurityRequirement(name = PyramidOpenApiFilter.SCHEME)
    @Operation(operationId = "getAppHistory", summary = "An app's level history", description = "Every change of the effective level, oldest "
            + "first: from, to, the decision event that caused it, who decided and why, and when. Visible like the "
            + "app itself.")
    @APIResponse(responseCode = "200", description = "One page of level changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LevelChangePage.class)))
    public PageView<LevelChangeView> history(
            @Parameter(description = "the app id") @PathParam("id") UUID id,
            @Parameter(description = "page number, from 0") @QueryParam("page") @Min(0) Integer page,
            @Parameter(description = "page size (default 20, capped at 100)") @QueryParam("size") @Min(1) Integer size) {
        Viewer viewer = Viewer.of(caller);
        App app = apps.visibleTo(id, viewer);
        int p = page == null ? 0 : page;
        int s = paging.size(size);
        return new PageView<>(history.forApp(id, p, s).stream().map(c -> LevelChangeView.of(c, app, viewer)).toList(),
                p, s, history.countForApp(id));
    }

    @GET
    @RolesAllowed(Roles.VENDOR)
    @Operation(operationId = "listOwnApps", summary = "The caller's organization's apps", description = "All apps of the vendor's organization, "
            + "drafts included, by English name.")
    @APIResponse(responseCode = "200", description = "One page of apps",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppPage.class)))
    public PageView<AppView> mine(
            @Parameter(description = "page number, from 0") @QueryParam("page") @Min(0) Integer page,
            @Parameter(description = "page size (default 20, capped at 100)") @QueryParam("size") @Min(1) Integer size) {
        String organization = caller.requireOrganization();
        int p = page == null ? 0 : page;
        int s = paging.size(size);
        List<App> owned = apps.ownedBy(organization, p, s);
        Map<UUID, List<LevelGrant>> grants = apps.grantsOf(owned.stream().map(app -> app.id).toList());
        Map<UUID, AppVersion> current = versions.currentOf(owned);
        Viewer viewer = Viewer.of(caller);
        List<AppView> items = owned.stream()
                .map(app -> AppView.of(app, grants.getOrDefault(app.id, List.of()),
                        app.currentVersionId == null ? null : current.get(app.currentVersionId), Language.DEFAULT,
                        viewer, today()))
                .toList();
        return new PageView<>(items, p, s, apps.countOwnedBy(organization));
    }

    private LocalDate today() {
        return PlatformCalendar.today(clock);
    }

    /** OpenAPI schema of a page of apps. */
    @Schema(name = "AppPage", requiredProperties = { "items", "page", "size", "total" })
    record AppPage(List<AppView> items, int page, int size, long total) {
    }

    /** OpenAPI schema of a page of level changes. */
    @Schema(name = "LevelChangePage", requiredProperties = { "items", "page", "size", "total" })
    record LevelChangePage(List<LevelChangeView> items, int page, int size, long total) {
    }
}
