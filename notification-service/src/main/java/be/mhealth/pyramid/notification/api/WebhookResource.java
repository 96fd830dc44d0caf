package be.mhealth.pyramid.notification.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.mhealth.pyramid.notification.domain.DeliveryStatus;
import be.mhealth.pyramid.notification.domain.EventCatalogue;
import be.mhealth.pyramid.notification.domain.Subscription;
import be.mhealth.pyramid.notification.service.SubscriptionAccess;
import be.mhealth.pyramid.notification.service.SubscriptionService;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;
import be.mhealth.pyramid.support.web.EntityTags;
import be.mhealth.pyramid.support.web.IdempotentWrites;

/**
 * Webhook subscriptions (Standard Webhooks): vendors subscribe for their organization's apps and dossiers,
 * authorities (people and systems) for their level; {@code platform-admin} sees and operates all of them. Updates
 * need {@code If-Match}; writes accept {@code Idempotency-Key}.
 */
@Path(WebhookResource.PATH)
@Tag(name = "Webhooks", description = "Signed webhooks (Standard Webhooks) for vendors and authority systems")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.VENDOR, Roles.FAMHP_ASSESSOR, Roles.EHEALTH_ASSESSOR, Roles.NIHDI_ASSESSOR, Roles.TEST_CENTRE,
        Roles.PLATFORM_ADMIN })
public class WebhookResource {

    public static final String PATH = "/api/v1/webhooks";
    static final String IDEMPOTENCY = "Makes a retried write return the first answer";
    static final String STATUSES = "PENDING|SUCCEEDED|FAILED";

    private final SubscriptionService service;
    private final SubscriptionAccess access;
    private final IdempotentWrites writes;
    private final Caller caller;
    private final ObjectMapper json;
    private final Validator validator;

    WebhookResource(SubscriptionService service, SubscriptionAccess access, IdempotentWrites writes, Caller caller,
            ObjectMapper json, Validator validator) {
        this.service = service;
        this.access = access;
        this.writes = writes;
        this.caller = caller;
        this.json = json;
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe: returns the signing secret, once",
            description = "A vendor subscribes for its organization, an authority for its level. The answer's "
                    + "`secret` (whsec_<base64>) signs every delivery; it is not shown again (a retry with the same "
                    + "Idempotency-Key gets the same answer).")
    @APIResponse(responseCode = "201", description = "Subscribed; `secret` is in this answer only",
            headers = { @Header(name = "Location", description = "the new subscription's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")), @Header(name = "ETag", description = "the subscription's version, for If-Match",
                    schema = @Schema(type = SchemaType.STRING)) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    public Response create(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionRequest.class),
                    examples = @ExampleObject(name = "vendor", summary = "A vendor's ERP hears about its dossiers",
                            value = SubscriptionRequest.EXAMPLE)))
            @NotNull @Valid SubscriptionRequest request,
            @Parameter(description = IDEMPOTENCY, schema = @Schema(type = SchemaType.STRING, maxLength = 255))
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        SubscriptionService.Created[] created = new SubscriptionService.Created[1];
        Response stored = writes.run(key, caller.name(), "POST " + PATH, request, () -> {
            created[0] = service.create(request.url(), request.events(), request.description());
            Subscription s = created[0].subscription();
            // What an Idempotency-Key replay finds: the answer without the secret (kept encrypted only).
            return Response.created(URI.create(PATH + "/" + s.id())).tag(EntityTags.of(s.version()))
                    .entity(SubscriptionView.of(s)).build();
        });
        SubscriptionService.Created answer = created[0] != null ? created[0]
                : service.replayedCreation(UUID.fromString(stored.getLocation().getPath()
                        .substring(PATH.length() + 1)));
        Response.ResponseBuilder response = Response.status(stored.getStatus()).location(stored.getLocation())
                .tag(EntityTags.of(answer.subscription().version()))
                .entity(SubscriptionView.of(answer.subscription(), answer.secret()));
        if (stored.getHeaderString(IdempotentWrites.REPLAYED_HEADER) != null) {
            response.header(IdempotentWrites.REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    @GET
    @Transactional
    @Operation(operationId = "listWebhookSubscriptions",
            summary = "List subscriptions, oldest first: the caller's own (platform-admin: all)")
    @APIResponse(responseCode = "200", description = "One page of subscriptions (never with their secrets)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionPage.class)))
    public PageView<SubscriptionView> list(
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    defaultValue = "0")) @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = PageView.DEFAULT_SIZE)) @QueryParam("size")
            @DefaultValue(PageView.DEFAULT_SIZE) @Min(1) @Max(PageView.MAX_SIZE) int size) {
        return PageView.of(service.list(), page, size, SubscriptionView::of);
    }

    @GET
    @Path("event-types")
    @Operation(operationId = "listWebhookEventTypes",
            summary = "The event types the caller may subscribe to (platform-admin: all of them)")
    @APIResponse(responseCode = "200", description = "The catalogue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EventTypeView.Listing.class)))
    public EventTypeView.Listing eventTypes() {
        var entries = access.isOperator() ? EventCatalogue.all() : EventCatalogue.subscribableBy(access.subscriber());
        return new EventTypeView.Listing(entries.stream().map(EventTypeView::of).toList());
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(operationId = "getWebhookSubscription", summary = "Read a subscription; the ETag is its version")
    @APIResponse(responseCode = "200", description = "The subscription", headers = @Header(name = "ETag", description = "the subscription's version, for If-Match",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    public Response get(@Parameter(description = "Subscription id") @PathParam("id") UUID id) {
        return ok(service.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(operationId = "updateWebhookSubscription",
            summary = "Change where and what a subscription delivers (its owner only)")
    @APIResponse(responseCode = "200", description = "Changed; new ETag", headers = @Header(name = "ETag", description = "the subscription's version, for If-Match",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    public Response update(@Parameter(description = "Subscription id") @PathParam("id") UUID id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionRequest.class),
                    examples = @ExampleObject(name = "vendor", value = SubscriptionRequest.EXAMPLE)))
            @NotNull @Valid SubscriptionRequest request,
            @Parameter(description = "The ETag last read", required = true, schema = @Schema(type = SchemaType.STRING))
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = IDEMPOTENCY, schema = @Schema(type = SchemaType.STRING, maxLength = 255))
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "PUT " + PATH + "/" + id, request,
                () -> ok(service.update(id, ifMatch, request.url(), request.events(), request.description())));
    }

    @POST
    @Path("{id}/pause")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    @Operation(operationId = "pauseWebhookSubscription", summary = "Pause deliveries (they are queued until resumed)",
            description = "The body is optional: none, or a JSON object with the reason.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PauseRequest.class)))
    @APIResponse(responseCode = "200", description = "Paused (or already paused)", headers = @Header(name = "ETag", description = "the subscription's version, for If-Match",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    public Response pause(@Parameter(description = "Subscription id") @PathParam("id") UUID id,
            @Parameter(hidden = true) String body,
            @Parameter(description = IDEMPOTENCY, schema = @Schema(type = SchemaType.STRING, maxLength = 255))
            @HeaderParam(IdempotentWrites.HEADER) String key)
            throws JsonProcessingException {
        PauseRequest request = body == null || body.isBlank() ? new PauseRequest(null)
                : json.readValue(body, PauseRequest.class);
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return writes.run(key, caller.name(), "POST " + PATH + "/" + id + "/pause", request,
                () -> ok(service.pause(id, request.reason())));
    }

    @POST
    @Path("{id}/resume")
    @Transactional
    @Operation(operationId = "resumeWebhookSubscription",
            summary = "Resume deliveries: the queued ones go out now, in order")
    @APIResponse(responseCode = "200", description = "Active (or already active)", headers = @Header(name = "ETag", description = "the subscription's version, for If-Match",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubscriptionView.class)))
    public Response resume(@Parameter(description = "Subscription id") @PathParam("id") UUID id,
            @Parameter(description = IDEMPOTENCY, schema = @Schema(type = SchemaType.STRING, maxLength = 255))
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/" + id + "/resume", id,
                () -> ok(service.resume(id)));
    }

    @DELETE
    @Path("{id}")
    @Transactional
    @Operation(operationId = "deleteWebhookSubscription",
            summary = "Delete a subscription and its delivery log; If-Match is checked when sent")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@Parameter(description = "Subscription id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag last read (optional)", schema = @Schema(type = SchemaType.STRING))
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/test")
    @Transactional
    @Operation(operationId = "sendWebhookTestDelivery",
            summary = "Send a test delivery (type webhook.ping), signed like every other")
    @APIResponse(responseCode = "202", description = "Queued; follow it in the delivery log",
            headers = @Header(name = "Location", description = "the delivery in the log",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")), content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryView.class)))
    public Response test(@Parameter(description = "Subscription id") @PathParam("id") UUID id,
            @Parameter(description = IDEMPOTENCY, schema = @Schema(type = SchemaType.STRING, maxLength = 255))
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/" + id + "/test", id, () -> {
            DeliveryView delivery = DeliveryView.of(service.ping(id));
            return Response.accepted(delivery).location(deliveryUri(id, delivery.id())).build();
        });
    }

    @GET
    @Path("{id}/deliveries")
    @Transactional
    @Operation(operationId = "listWebhookDeliveries",
            summary = "The delivery log, newest first: status, attempts, last error, next attempt")
    @APIResponse(responseCode = "200", description = "One page of deliveries",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryPage.class)))
    public PageView<DeliveryView> deliveries(@Parameter(description = "Subscription id") @PathParam("id") UUID id,
            @Parameter(description = "Only deliveries in this status", schema = @Schema(type = SchemaType.STRING,
                    enumeration = { "PENDING", "SUCCEEDED", "FAILED" }))
            @QueryParam("status") @Pattern(regexp = STATUSES, message = "must be one of " + STATUSES) String status,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    defaultValue = "0")) @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, at most 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = PageView.DEFAULT_SIZE)) @QueryParam("size")
            @DefaultValue(PageView.DEFAULT_SIZE) @Min(1) @Max(PageView.MAX_SIZE) int size) {
        return PageView.of(service.deliveries(id, status == null ? null : DeliveryStatus.valueOf(status)), page, size,
                DeliveryView::of);
    }

    @GET
    @Path("{id}/deliveries/{deliveryId}")
    @Transactional
    @Operation(operationId = "getWebhookDelivery", summary = "One delivery of the log")
    @APIResponse(responseCode = "200", description = "The delivery",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryView.class)))
    public DeliveryView delivery(@Parameter(description = "Subscription id") @PathParam("id") UUID id,
            @Parameter(description = "Delivery id (its webhook-id)") @PathParam("deliveryId") UUID deliveryId) {
        return DeliveryView.of(service.delivery(id, deliveryId));
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/replay")
    @Transactional
    @Operation(operationId = "replayWebhookDelivery",
            summary = "Send a delivered or given-up delivery again, with the same webhook-id")
    @APIResponse(responseCode = "202", description = "Queued again", headers = @Header(name = "Location", description = "the delivery in the log",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryView.class)))
    public Response replay(@Parameter(description = "Subscription id") @PathParam("id") UUID id,
            @Parameter(description = "Delivery id (its webhook-id)") @PathParam("deliveryId") UUID deliveryId,
            @Parameter(description = IDEMPOTENCY, schema = @Schema(type = SchemaType.STRING, maxLength = 255))
            @HeaderParam(IdempotentWrites.HEADER) String key) {
        return writes.run(key, caller.name(), "POST " + PATH + "/" + id + "/deliveries/" + deliveryId + "/replay",
                deliveryId, () -> Response.accepted(DeliveryView.of(service.replay(id, deliveryId)))
                        .location(deliveryUri(id, deliveryId)).build());
    }

    private static Response ok(Subscription s) {
        return Response.ok(SubscriptionView.of(s)).tag(EntityTags.of(s.version())).build();
    }

    private static URI deliveryUri(UUID subscription, UUID delivery) {
        return URI.create(PATH + "/" + subscription + "/deliveries/" + delivery);
    }

    /** OpenAPI schema of a page of subscriptions. */
    @Schema(name = "WebhookSubscriptionPage", requiredProperties = { "items", "page", "size", "total" })
    record SubscriptionPage(List<SubscriptionView> items, int page, int size, long total) {
    }

    /** OpenAPI schema of a page of deliveries. */
    @Schema(name = "WebhookDeliveryPage", requiredProperties = { "items", "page", "size", "total" })
    record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
    }
}
