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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import be.mhealth.pyramid.registry.repository.LevelChangeRepository;
import be.mhealth.pyramid.registry.service.AppService;
import be.mhealth.pyramid.support.problem.Problem;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;
import be.mhealth.pyramid.support.web.EntityTags;
import be.mhealth.pyramid.support.web.IdempotentWrites;

@Path("/api/v1/apps")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Apps", description = "App records: vendors create and edit their listing data; anyone reads listed apps")
public class AppResource {

    private final AppService apps;
    private final LevelChangeRepository history;
    private final IdempotentWrites idempotent;
    private final Caller caller;
    private final Paging paging;
    private final Clock clock;

    AppResource(AppService apps, LevelChangeRepository history, IdempotentWrites idempotent, Caller caller,
            Paging paging, Clock clock) {
        this.apps = apps;
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
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Register an app", description = "Creates an app owned by the caller's organization. It has "
            + "no level (a draft, visible to that organization only) until the level services grant M1. A retry "
            + "with the same Idempotency-Key returns the first response instead of creating a second app.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = { @Header(name = "Location", description = "the new app's URL"),
                    @Header(name = "ETag", description = "the record's version, for If-Match on updates") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppView.class)))
    @APIResponse(responseCode = "400", description = "Invalid listing data; `errors` names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a vendor, or the token carries no organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @Parameter(description = "makes a retried create return the first result") @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey,
            @NotNull @Valid AppRequest request) {
        String organization = caller.requireOrganization();
        return idempotent.run(idempotencyKey, caller.name(), "POST /api/v1/apps", request, () -> {
            App app = apps.create(request, organization, caller.name());
            return Response.created(URI.create("/api/v1/apps/" + app.id))
                    .tag(EntityTags.of(app.version))
                    .entity(AppView.of(app, List.of(), today()))
                    .build();
        });
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Transactional
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Update an app's listing data", description = "Replaces the listing data of one of the "
            + "caller's organization's apps. Requires If-Match with the record's current ETag.")
    @APIResponse(responseCode = "200", description = "Updated",
            headers = @Header(name = "ETag", description = "the record's new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppView.class)))
    @APIResponse(responseCode = "400", description = "Invalid listing data; `errors` names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a vendor, or the token carries no organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such app of the caller's organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an outdated version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(
            @Parameter(description = "the app id") @PathParam("id") UUID id,
            @Parameter(description = "the ETag of the version being edited", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "makes a retried update return the first result") @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey,
            @NotNull @Valid AppRequest request) {
        String organization = caller.requireOrganization();
        return idempotent.run(idempotencyKey, caller.name(), "PUT /api/v1/apps/" + id, request, () -> {
            App app = apps.update(id, request, organization, ifMatch, caller.name());
            return Response.ok(AppView.of(app, apps.grantsOf(id), today()))
                    .tag(EntityTags.of(app.version))
                    .build();
        });
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "Read an app", description = "Listed apps (with an effective level) are public. An app "
            + "without a level is visible only to its own organization (a vendor token); anyone else gets 404.")
    @APIResponse(responseCode = "200", description = "The app, with the facts of each level it holds",
            headers = @Header(name = "ETag", description = "the record's version, for If-Match on updates"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppView.class)))
    @APIResponse(responseCode = "401", description = "A bearer token was sent but is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such app, or not listed and not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "the app id") @PathParam("id") UUID id) {
        App app = apps.visibleTo(id, caller.organization());
        return Response.ok(AppView.of(app, apps.grantsOf(id), today())).tag(EntityTags.of(app.version)).build();
    }

    @GET
    @Path("{id}/history")
    @PermitAll
    @Operation(summary = "An app's level history", description = "Every change of the effective level, oldest "
            + "first: from, to, the decision event that caused it, who decided and why, and when. Visible like the "
            + "app itself.")
    @APIResponse(responseCode = "200", description = "One page of level changes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LevelChangePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid paging parameters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "A bearer token was sent but is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such app, or not listed and not the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<LevelChangeView> history(
            @Parameter(description = "the app id") @PathParam("id") UUID id,
            @Parameter(description = "page number, from 0") @QueryParam("page") @Min(0) Integer page,
            @Parameter(description = "page size (default 20, capped at 100)") @QueryParam("size") @Min(1) Integer size) {
        apps.visibleTo(id, caller.organization());
        int p = page == null ? 0 : page;
        int s = paging.size(size);
        return new PageView<>(history.forApp(id, p, s).stream().map(LevelChangeView::of).toList(), p, s,
                history.countForApp(id));
    }

    @GET
    @RolesAllowed(Roles.VENDOR)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The caller's organization's apps", description = "All apps of the vendor's organization, "
            + "drafts included, by English name.")
    @APIResponse(responseCode = "200", description = "One page of apps",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid paging parameters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a vendor, or the token carries no organization",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageView<AppView> mine(
            @Parameter(description = "page number, from 0") @QueryParam("page") @Min(0) Integer page,
            @Parameter(description = "page size (default 20, capped at 100)") @QueryParam("size") @Min(1) Integer size) {
        String organization = caller.requireOrganization();
        int p = page == null ? 0 : page;
        int s = paging.size(size);
        List<App> owned = apps.ownedBy(organization, p, s);
        Map<UUID, List<LevelGrant>> grants = apps.grantsOf(owned.stream().map(app -> app.id).toList());
        List<AppView> items = owned.stream()
                .map(app -> AppView.of(app, grants.getOrDefault(app.id, List.of()), today())).toList();
        return new PageView<>(items, p, s, apps.countOwnedBy(organization));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** OpenAPI schema of a page of apps. */
    @Schema(name = "AppPage")
    record AppPage(List<AppView> items, int page, int size, long total) {
    }

    /** OpenAPI schema of a page of level changes. */
    @Schema(name = "LevelChangePage")
    record LevelChangePage(List<LevelChangeView> items, int page, int size, long total) {
    }
}
