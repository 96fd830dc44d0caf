package be.mhealth.pyramid.registry.api;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.registry.config.RegistryConfig;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.domain.OpenDataTexts;
import be.mhealth.pyramid.registry.repository.OpenDataRepository;
import be.mhealth.pyramid.registry.repository.OpenDataRepository.ChangeRow;
import be.mhealth.pyramid.registry.repository.OpenDataRepository.Revision;
import be.mhealth.pyramid.support.problem.Problem;

/**
 * The public level changes as an Atom feed (RFC 4287), newest first, paged by links (RFC 5005): a feed reader shows
 * it, an integration engine follows {@code next} until it meets an entry it has seen.
 */
@Path("/api/v1/open-data/changes.atom")
@Tag(name = "Open data", description = "The public catalog as an Atom feed of level changes, a CSV export and FHIR R4")
public class ChangeFeedResource {

    public static final String ATOM = "application/atom+xml";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    /** Tag URIs (RFC 4151): the platform's domain and the year it was first used for these ids. Never change it. */
    public static final String TAG = "tag:pyramid.mhealth.be,2026:";
    /** Bumped when the feed's XML changes shape, so that no cache keeps the old one. */
    private static final int FORMAT = 1;

    private final OpenDataRepository openData;
    private final Paging paging;
    private final String cacheControl;

    ChangeFeedResource(OpenDataRepository openData, Paging paging, RegistryConfig config) {
        this.openData = openData;
        this.paging = paging;
        this.cacheControl = config.catalog().cacheControl();
    }

    @GET
    @PermitAll
    @Operation(operationId = "getLevelChangeFeed", summary = "Level changes as an Atom feed", description = "Every change of an app's effective level "
            + "(reaching, changing or losing it), newest first. Titles, summaries and labels in the language asked "
            + "(`lang`, else Accept-Language, else en; German names fall back to English). Paged by the links `self`, "
            + "`first` and `next` (RFC 5005); a page holds `size` entries (default and cap as the catalog's). Entry ids "
            + "are stable tag URIs; each entry links to the app's public page. The author is the platform, never a "
            + "person. ETag and Last-Modified answer If-None-Match / If-Modified-Since with 304.")
    @Parameter(name = HttpHeaders.ACCEPT_LANGUAGE, in = ParameterIn.HEADER,
            description = "preferred languages, used when `lang` is absent", example = "fr-BE, nl;q=0.8")
    @APIResponse(responseCode = "200", description = "One page of the feed",
            headers = { @Header(name = "ETag", description = "the catalog's revision and the language"),
                    @Header(name = "Last-Modified", description = "when the catalog last changed"),
                    @Header(name = "Content-Language", description = "the language used") },
            content = @Content(mediaType = ATOM, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                    .enums.SchemaType.STRING, description = "an Atom feed document (RFC 4287)")))
    @APIResponse(responseCode = "304", description = "Not modified since the validators sent")
    @APIResponse(responseCode = "400", description = "An invalid `lang`, `size` or `before`, named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response feed(
            @Parameter(description = "language of the texts; overrides Accept-Language",
                    schema = @Schema(enumeration = { "nl", "fr", "en", "de" })) @QueryParam("lang") String lang,
            @Parameter(description = "entries per page (default and cap as the catalog's page size)")
            @QueryParam("size") String size,
            @Parameter(description = "the page of entries older than this one (from a `next` link)")
            @QueryParam("before") String before,
            @Context HttpHeaders headers, @Context Request request, @Context UriInfo uri) {
        Language language = OpenData.language(lang, headers).orElse(null);
        if (language == null) {
            return OpenData.invalid("lang", "must be one of nl, fr, en, de");
        }
        Long pageSize = size == null ? Long.valueOf(paging.size(null)) : OpenData.number(size, 1, Integer.MAX_VALUE)
                .map(n -> (long) paging.size((int) Math.min(n, Integer.MAX_VALUE))).orElse(null);
        if (pageSize == null) {
            return OpenData.invalid("size", "must be a whole number from 1");
        }
        Long older = before == null ? null : OpenData.number(before, 1, Long.MAX_VALUE).orElse(null);
        if (before != null && older == null) {
            return OpenData.invalid("before", "must be the entry position of a next link");
        }
        // The revision is read before the entries, so an ETag never claims data newer than it labels.
        Revision revision = openData.revision();
        EntityTag etag = new EntityTag("a" + FORMAT + "-" + revision.revision() + "-" + language.code(), true);
        Response.ResponseBuilder notModified = OpenData.notModified(request, headers, etag, revision);
        if (notModified != null) {
            return OpenData.validators(notModified, etag, revision, cacheControl)
                    .header(HttpHeaders.CONTENT_LANGUAGE, language.code()).build();
        }
        int limit = pageSize.intValue();
        List<ChangeRow> rows = openData.changes(older, limit + 1, language);
        Long next = rows.size() > limit ? rows.get(limit - 1).id() : null;
        byte[] body = write(rows.subList(0, Math.min(limit, rows.size())), language, revision, uri.getBaseUri(),
                limit, older, next);
        return OpenData.validators(Response.ok(body, ATOM + ";charset=utf-8"), etag, revision, cacheControl)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.code()).build();
    }

    private static byte[] write(List<ChangeRow> rows, Language language, Revision revision, URI base, int size,
            Long before, Long next) {
        OpenDataTexts texts = OpenDataTexts.of(language);
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048 + rows.size() * 1024);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM_NS);
            xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", language.code());
            text(xml, "id", TAG + "open-data/changes/" + language.code());
            text(xml, "title", texts.text("feed.title"));
            text(xml, "subtitle", texts.text("feed.subtitle"));
            text(xml, "updated", time(revision.changedAt()));
            xml.writeStartElement("author");
            text(xml, "name", texts.text("platform"));
            text(xml, "uri", base.toString());
            xml.writeEndElement();
            xml.writeStartElement("generator");
            xml.writeAttribute("uri", base.resolve("q/openapi").toString());
            xml.writeCharacters("Pyramid registry-service");
            xml.writeEndElement();
            link(xml, "self", ATOM, page(base, language, size, before));
            link(xml, "first", ATOM, page(base, language, size, null));
            if (next != null) {
                link(xml, "next", ATOM, page(base, language, size, next));
            }
            link(xml, "related", "application/json", UriBuilder.fromUri(base).path("api/v1/catalog")
                    .queryParam("lang", language.code()).build());
            for (ChangeRow row : rows) {
                entry(xml, row, texts, base);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the Atom feed failed", e);
        }
        return out.toByteArray();
    }

    private static void entry(XMLStreamWriter xml, ChangeRow row, OpenDataTexts texts, URI base)
            throws XMLStreamException {
        OpenDataTexts own = OpenDataTexts.of(row.textLanguage());
        xml.writeStartElement("entry");
        if (row.textLanguage() != texts.language()) {
            // German asked, the vendor gave no German texts: the entry's texts are English.
            xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", row.textLanguage().code());
        }
        text(xml, "id", TAG + "level-change/" + row.id());
        text(xml, "title", own.changeTitle(row.name(), row.from(), row.to()));
        text(xml, "updated", time(row.changedAt()));
        text(xml, "published", time(row.changedAt()));
        URI app = UriBuilder.fromUri(base).path("api/v1/apps/{id}").build(row.appId());
        link(xml, "alternate", "application/json", app);
        link(xml, "related", "application/json", UriBuilder.fromUri(base).path("api/v1/apps/{id}/history")
                .build(row.appId()));
        category(xml, "level", row.to() == null ? "none" : row.to().name(), own.level(row.to()));
        category(xml, "category", row.category().name(), own.category(row.category()));
        text(xml, "summary", row.summary());
        xml.writeStartElement("content");
        xml.writeAttribute("type", "text");
        xml.writeCharacters(own.cause(row.causeType(), row.effectiveOn(), row.kind()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static URI page(URI base, Language language, int size, Long before) {
        UriBuilder page = UriBuilder.fromUri(base).path("api/v1/open-data/changes.atom")
                .queryParam("lang", language.code()).queryParam("size", size);
        if (before != null) {
            page.queryParam("before", before);
        }
        return page.build();
    }

    private static void category(XMLStreamWriter xml, String scheme, String term, String label)
            throws XMLStreamException {
        xml.writeEmptyElement("category");
        xml.writeAttribute("scheme", TAG + scheme);
        xml.writeAttribute("term", term);
        xml.writeAttribute("label", xmlText(label));
    }

    private static void link(XMLStreamWriter xml, String rel, String type, URI href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", href.toString());
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(xmlText(value));
        xml.writeEndElement();
    }

    /** The text without the characters XML 1.0 cannot carry (control characters, lone surrogates). */
    static String xmlText(String value) {
        StringBuilder clean = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean surrogatePair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            boolean allowed = surrogatePair || c == '\t' || c == '\n' || c == '\r'
                    || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && clean == null) {
                clean = new StringBuilder(value.length()).append(value, 0, i);
            } else if (allowed && clean != null) {
                clean.append(c);
            }
            if (surrogatePair) {
                if (clean != null) {
                    clean.append(value.charAt(i + 1));
                }
                i++;
            }
        }
        return clean == null ? value : clean.toString();
    }

    /** An RFC 3339 date-time in UTC, to the millisecond. */
    private static String time(OffsetDateTime time) {
        return DateTimeFormatter.ISO_INSTANT.format(time.toInstant().truncatedTo(ChronoUnit.MILLIS));
    }
}
