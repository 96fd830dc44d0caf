package be.mhealth.pyramid.registry.api;

import java.net.URI;
import java.util.List;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.domain.AppVersion;
import be.mhealth.pyramid.registry.service.AppService;
import be.mhealth.pyramid.registry.service.AppVersionService;
import be.mhealth.pyramid.registry.service.Viewer;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;
import be.mhealth.pyramid.support.web.IdempotentWrites;

@Path("/api/v1/apps/{id}/versions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Apps")
public class AppVersionResource {

    private final AppService apps;
    private final AppVersionService versions;
    private final IdempotentWrites idempotent;
    private final Caller caller;
    private final Paging paging;

    AppVersionResource(AppService apps, AppVersionService versions, IdempotentWrites idempotent, Caller caller,
            Paging paging) {
        this.apps = apps;
        this.versions = versions;
        this.idempotent = idempotent;
        this.caller = caller;
        this.paging = paging;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Transactional
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "declareAppVersion", summary = "Declare a new version of one of the caller's apps",
            description = "Newer than the current version, released no earlier and not in the future; notes in nl, "
                    + "fr and en. Significant changes reach the authorities they concern (AppVersionDeclared), who "
                    + "re-assess; nothing falls automatically. 409 for a version the app already has or once the app "
                    + "was withdrawn from the market.")
    public Response declare(@PathParam("id") UUID id,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey,
            @NotNull @Valid AppVersionRequest request) {
        String organization = caller.requireOrganization();
        return idempotent.run(idempotencyKey, caller.name(), "POST /api/v1/apps/" + id + "/versions", request, () -> {
            AppVersion version = versions.declare(id, request, organization, caller.name());
            App app = apps.visibleTo(id, Viewer.of(caller));
            return Response.created(URI.create("/api/v1/apps/" + id + "/versions/" + version.id))
                    .entity(AppVersionView.of(version, app, Viewer.of(caller)))
                    .build();
        });
    }

    @GET
    @PermitAll
    @Operation(operationId = "listAppVersions", summary = "An app's declared versions, newest first",
            description = "Visible like the app itself.")
    public AppVersionPage list(@PathParam("id") UUID id,
            @QueryParam("page") @Min(0) Integer page,
            @QueryParam("size") @Min(1) Integer size) {
        Viewer viewer = Viewer.of(caller);
        App app = apps.visibleTo(id, viewer);
        int p = page == null ? 0 : page;
        int s = paging.size(size);
        return new AppVersionPage(versions.versionsOf(id, p, s).stream().map(v -> AppVersionView.of(v, app, viewer))
                .toList(), p, s, versions.countVersionsOf(id));
    }

    @GET
    @Path("{versionId}")
    @PermitAll
    @Operation(operationId = "getAppVersion", summary = "One declared version of an app",
            description = "Visible like the app itself.")
    public AppVersionView get(@PathParam("id") UUID id, @PathParam("versionId") UUID versionId) {
        Viewer viewer = Viewer.of(caller);
        App app = apps.visibleTo(id, viewer);
        return versions.find(id, versionId).map(v -> AppVersionView.of(v, app, viewer))
                .orElseThrow(() -> new ResourceNotFoundException("version", versionId));
    }

    /** One page of versions, newest first. */
    @Schema(name = "AppVersionPage")
    public record AppVersionPage(@Schema(required = true) List<AppVersionView> items,
            @Schema(required = true) int page, @Schema(required = true) int size,
            @Schema(required = true) long total) {
    }
}
