package be.mhealth.pyramid.notification.service;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import be.mhealth.pyramid.events.AppEvent;
import be.mhealth.pyramid.events.EventEnvelope;
import be.mhealth.pyramid.events.EventJson;
import be.mhealth.pyramid.notification.domain.Authority;
import be.mhealth.pyramid.notification.domain.EventCatalogue;

/**
 * The JSON body of a webhook (Standard Webhooks): {@code {"type", "timestamp", "data"}}. {@code data} is the event's
 * payload as the contract writes it (nulls included: a null level means "no level"), except that no person is named:
 * {@code decidedBy} carries the deciding authority ({@code FAMHP}, {@code EHEALTH}, {@code NIHDI}) instead of the
 * assessor's user name or the system's client id.
 */
public final class WebhookBodies {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private WebhookBodies() {
    }

    public static String of(EventCatalogue.Entry entry, EventEnvelope<AppEvent> event) {
        try {
            ObjectNode data = (ObjectNode) JSON.readTree(EventJson.write(event.data()));
            if (data.hasNonNull("decidedBy") && entry.level() != null) {
                data.put("decidedBy", Authority.deciding(entry.level()).name());
            }
            return write(entry.name(), event.time().toInstant(), data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook of event " + event.id(), e);
        }
    }

    /** The body of a test delivery. */
    public static String ping(UUID subscription, Instant now) {
        ObjectNode data = JSON.createObjectNode();
        data.put("subscriptionId", subscription.toString());
        data.put("message", "A test delivery from Pyramid: this endpoint receives the subscription's webhooks.");
        return write(EventCatalogue.PING, now, data);
    }

    private static String write(String type, Instant timestamp, ObjectNode data) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type);
        body.put("timestamp", timestamp.toString());
        body.set("data", data);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a webhook body", e);
        }
    }
}
