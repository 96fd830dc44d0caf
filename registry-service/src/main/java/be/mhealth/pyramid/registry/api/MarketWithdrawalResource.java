package be.mhealth.pyramid.registry.api;

import java.time.Clock;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.service.AppService;
import be.mhealth.pyramid.registry.service.AppVersionService;
import be.mhealth.pyramid.registry.service.Viewer;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;
import be.mhealth.pyramid.support.time.PlatformCalendar;
import be.mhealth.pyramid.support.web.EntityTags;
import be.mhealth.pyramid.support.web.IdempotentWrites;

@Path("/api/v1/apps/{id}/market-withdrawal")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Apps")
public class MarketWithdrawalResource {

    private final AppService apps;
    private final AppVersionService versions;
    private final IdempotentWrites idempotent;
    private final Caller caller;
    private final Clock clock;

    MarketWithdrawalResource(AppService apps, AppVersionService versions, IdempotentWrites idempotent, Caller caller,
            Clock clock) {
        this.apps = apps;
        this.versions = versions;
        this.idempotent = idempotent;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VENDOR)
    @Transactional
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "withdrawAppFromMarket", summary = "Take one of the caller's apps off the market",
            description = "Every active grant ends and the app leaves the catalog for good (the level services close "
                    + "its open dossiers). A formerly listed app stays publicly readable with `listed: false`, the "
                    + "date and WITHDRAWN_BY_VENDOR; `reason` is for the authorities only. 409 when already withdrawn.")
    public Response withdraw(@PathParam("id") UUID id,
            @HeaderParam(IdempotentWrites.HEADER) String idempotencyKey,
            @NotNull @Valid MarketWithdrawalRequest request) {
        String organization = caller.requireOrganization();
        return idempotent.run(idempotencyKey, caller.name(), "POST /api/v1/apps/" + id + "/market-withdrawal",
                request, () -> {
                    App app = apps.withdrawFromMarket(id, request, organization, caller.name());
                    return Response.ok(AppView.of(app, apps.grantsOf(id), versions.current(app), Language.DEFAULT,
                            Viewer.of(caller), PlatformCalendar.today(clock))).tag(EntityTags.of(app.version)).build();
                });
    }
}
