package be.mhealth.pyramid.support.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.support.PyramidConfig;
import be.mhealth.pyramid.support.inbox.ParkedEventStatus;
import be.mhealth.pyramid.support.inbox.ParkedEvents;
import be.mhealth.pyramid.support.problem.ResourceNotFoundException;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;

/**
 * Operators see and repair the events this service could not apply: list and read them, retry one after a fix was
 * deployed, or discard it with a reason; the events of the same app held behind it follow in order. Every service
 * serves this under its own segment ({@code pyramid.service-segment}); the gateway routes
 * {@code /api/v1/admin/<segment>} to it. Role {@code platform-admin} only.
 */
@Path(ParkedEventResource.PATH)
@Tag(name = "Operations: parked events", description = "Events a service could not apply, and their repair")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ParkedEventResource {

    public static final String PATH = "/api/v1/admin/{service}/parked-events";
    static final String STATUSES = "PARKED|HELD|APPLIED|DISCARDED";
    /** 0 … 999,999,999 */
    static final String PAGE = "0|[1-9][0-9]{0,8}";
    /** 1 … 100 */
    static final String SIZE = "[1-9]|[1-9][0-9]|100";

    private final ParkedEvents parked;
    private final Caller caller;
    private final String segment;

    ParkedEventResource(ParkedEvents parked, Caller caller, PyramidConfig config) {
        this.parked = parked;
        this.caller = caller;
        this.segment = config.serviceSegment();
    }

    @GET
    @Operation(operationId = "listParkedEvents", summary = "List parked and held events, oldest first")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = ParkedEventPage.class)))
    public ParkedEventPage list(@PathParam("service") String service,
            @Parameter(description = "Only events in this status", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "PARKED", "HELD", "APPLIED", "DISCARDED" }))
            @QueryParam("status") @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES) String status,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @QueryParam("page") @Pattern(regexp = PAGE, message = "must be a whole number from 0") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = "100"))
            @QueryParam("size") @Pattern(regexp = SIZE, message = "must be a whole number from 1 to 100") String size) {
        requireOwnSegment(service);
        int pageNumber = page == null ? 0 : Integer.parseInt(page);
        int pageSize = size == null ? 20 : Integer.parseInt(size);
        ParkedEvents.Page result = parked.list(status == null ? null : ParkedEventStatus.valueOf(status), pageNumber,
                pageSize);
        return new ParkedEventPage(result.items().stream().map(ParkedEventView::of).toList(), pageNumber, pageSize,
                result.total());
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getParkedEvent", summary = "Read one parked or held event")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(schema = @Schema(implementation = ParkedEventView.class)))
    public ParkedEventView get(@PathParam("service") String service,
            @Parameter(description = "Parked event id") @PathParam("id") long id) {
        requireOwnSegment(service);
        return ParkedEventView.of(parked.get(id));
    }

    @POST
    @Path("{id}/retry")
    @Operation(operationId = "retryParkedEvent", summary = "Apply a parked event again (after a fix was deployed)",
            description = "Applies the first unresolved event of its app again, in a new transaction. On success it is "
                    + "APPLIED and the events held behind it are applied in order; if one of them fails it is PARKED "
                    + "and the rest stay held behind it (blockedBy). If the event still fails it stays PARKED with the "
                    + "new error and attempt count: 409 retry-failed. 409 already-resolved for an event resolved before, "
                    + "held-behind when another event of the app comes first; 503 when it failed for a passing reason "
                    + "(nothing changed; try again).")
    @APIResponse(responseCode = "200", description = "Applied",
            content = @Content(schema = @Schema(implementation = ParkedEventResolution.class)))
    public ParkedEventResolution retry(@PathParam("service") String service,
            @Parameter(description = "Parked event id") @PathParam("id") long id) {
        requireOwnSegment(service);
        return view(parked.resolve(id, ParkedEvents.Action.RETRY, null, caller.name()));
    }

    @POST
    @Path("{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "discardParkedEvent", summary = "Discard a parked event, with a reason",
            description = "The event is DISCARDED (with who, when and why) and never applied; the events held behind "
                    + "it are applied in order, as after a retry. 409 already-resolved or held-behind as for a retry.")
    @APIResponse(responseCode = "200", description = "Discarded",
            content = @Content(schema = @Schema(implementation = ParkedEventResolution.class)))
    public ParkedEventResolution discard(@PathParam("service") String service,
            @Parameter(description = "Parked event id") @PathParam("id") long id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DiscardRequest.class),
                    examples = @ExampleObject(name = "discard", value = "{\"reason\": \"written to the topic by hand; not "
                            + "a FAMHP decision\"}"))) @NotNull @Valid DiscardRequest request) {
        requireOwnSegment(service);
        return view(parked.resolve(id, ParkedEvents.Action.DISCARD, request.reason().strip(), caller.name()));
    }

    private void requireOwnSegment(String service) {
        if (!segment.equals(service)) {
            throw new ResourceNotFoundException("service", service);
        }
    }

    private static ParkedEventResolution view(ParkedEvents.Resolution resolution) {
        return new ParkedEventResolution(ParkedEventView.of(resolution.event()), resolution.released(),
                resolution.blockedBy());
    }
}
