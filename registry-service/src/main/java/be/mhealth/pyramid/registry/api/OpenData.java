package be.mhealth.pyramid.registry.api;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.repository.OpenDataRepository.Revision;
import be.mhealth.pyramid.support.problem.Problem;

/** What the open-data routes share: the language asked, 400s naming the parameter, and their validators. */
public final class OpenData {

    private OpenData() {
    }

    /** {@code lang} (nl, fr, en, de) wins over Accept-Language, as in the catalog; empty when {@code lang} is invalid. */
    public static Optional<Language> language(String lang, HttpHeaders headers) {
        if (lang == null) {
            return Optional.of(CatalogResource.negotiate(headers.getAcceptableLanguages()));
        }
        return Language.of(lang);
    }

    public static Response invalid(String parameter, String message) {
        return Problem.of(400, "validation", "Invalid request", parameter + ": " + message)
                .withErrors(List.of(new Problem.FieldError(parameter, message))).toResponse();
    }

    /** A whole number in [min, max] (null when absent), or empty when it is not one. */
    public static Optional<Long> number(String value, long min, long max) {
        try {
            long n = Long.parseLong(value.trim());
            return n < min || n > max ? Optional.empty() : Optional.of(n);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * 304 when the request's validators still hold. If-None-Match wins over If-Modified-Since (RFC 9110). The
     * Last-Modified of a revision is sent only once it is a whole second old (see {@link #lastModified}).
     */
    public static Response.ResponseBuilder notModified(Request request, HttpHeaders headers, EntityTag etag,
            Revision revision) {
        if (headers.getHeaderString(HttpHeaders.IF_NONE_MATCH) != null) {
            return request.evaluatePreconditions(etag);
        }
        Date lastModified = lastModified(revision);
        return lastModified == null ? null : request.evaluatePreconditions(lastModified);
    }

    /**
     * The revision's time in whole seconds, or null while it is less than a second old: HTTP dates have no
     * fractions, so a second change within the same second could otherwise hide behind an If-Modified-Since.
     */
    public static Date lastModified(Revision revision) {
        Instant changed = revision.changedAt().toInstant();
        if (Duration.between(changed, revision.readAt().toInstant()).compareTo(Duration.ofSeconds(1)) < 0) {
            return null;
        }
        return Date.from(changed.truncatedTo(ChronoUnit.SECONDS));
    }

    /** ETag, Last-Modified (when due), Cache-Control and Vary of an open-data response. */
    public static Response.ResponseBuilder validators(Response.ResponseBuilder response, EntityTag etag, Revision revision,
            String cacheControl) {
        Date lastModified = lastModified(revision);
        if (lastModified != null) {
            response.lastModified(lastModified);
        }
        return response.tag(etag).header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }
}
