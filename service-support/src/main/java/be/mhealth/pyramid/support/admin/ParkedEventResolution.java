package be.mhealth.pyramid.support.admin;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of a retry or discard. */
@Schema(name = "ParkedEventResolution")
public record ParkedEventResolution(
        @Schema(description = "the event, now APPLIED or DISCARDED") ParkedEventView event,
        @Schema(description = "ids of the events held behind it that were applied after it, in order") List<Long> released,
        @Schema(description = "when a held event failed in turn: its id; it is PARKED now and the rest stay held behind it")
        Long blockedBy) {
}
