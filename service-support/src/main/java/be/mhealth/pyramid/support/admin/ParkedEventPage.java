package be.mhealth.pyramid.support.admin;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of parked events, oldest first; {@code page} counts from 0. */
@Schema(name = "ParkedEventPage")
public record ParkedEventPage(List<ParkedEventView> items, int page, int size, long total) {
}
