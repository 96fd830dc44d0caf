package be.mhealth.pyramid.notification.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.notification.domain.EventCatalogue;

/** One event type a subscriber may ask for. */
@Schema(name = "WebhookEventType", requiredProperties = { "type", "description" })
public record EventTypeView(@Schema(example = "m1.granted") String type,
        @Schema(description = "The level it belongs to; absent for the registry's app events") Level level,
        String description) {

    static EventTypeView of(EventCatalogue.Entry entry) {
        return new EventTypeView(entry.name(), entry.level(), entry.description());
    }

    /** The catalogue as listed: the types open to the caller. */
    @Schema(name = "WebhookEventTypes", requiredProperties = "items")
    public record Listing(List<EventTypeView> items) {
    }
}
