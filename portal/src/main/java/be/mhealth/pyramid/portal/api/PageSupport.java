package be.mhealth.pyramid.portal.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import be.mhealth.pyramid.portal.config.PortalConfig;
import io.quarkus.qute.TemplateInstance;

/** What every page shares: the language links, dates in the page's language, and the HTTP caching rules. */
@ApplicationScoped
public class PageSupport {

    static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");
    static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");
    private static final Map<Lang, String> NAMES = Map.of(Lang.NL, "Nederlands", Lang.FR, "Français", Lang.EN,
            "English");

    private final PortalConfig config;

    PageSupport(PortalConfig config) {
        this.config = config;
    }

    /** The frame of a page at {@code rest} (the path after the language, with its query), in {@code lang}. */
    Views.Frame frame(Lang lang, String title, String rest, boolean signedIn) {
        List<Views.LangLink> links = new ArrayList<>();
        for (Lang l : Lang.values()) {
            String target = "/" + l.code() + rest;
            links.add(new Views.LangLink(l.code(), NAMES.get(l),
                    "/language/" + l.code() + "?to=" + URLEncoder.encode(target, StandardCharsets.UTF_8), l == lang));
        }
        return new Views.Frame(lang, title, links, signedIn);
    }

    static String date(LocalDate date, Lang lang) {
        return date == null ? null : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(lang.locale())
                .format(date);
    }

    static String date(OffsetDateTime time, Lang lang) {
        return time == null ? null : date(time.atZoneSameInstant(BELGIUM).toLocalDate(), lang);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A public page: the same for everyone, so shared caches may keep it for a while; its ETag (a hash of the page)
     * answers If-None-Match with 304 Not Modified.
     */
    Response publicPage(Request request, TemplateInstance page, Lang lang, int status) {
        String html = page.setLocale(lang.locale()).render();
        EntityTag etag = new EntityTag(sha256(html), true);
        String cache = "public, max-age=" + config.publicMaxAge().toSeconds();
        if (status == 200) {
            Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
            if (notModified != null) {
                return notModified.header("Cache-Control", cache).header("Vary", "Accept-Encoding").build();
            }
        }
        return Response.status(status).type(HTML).entity(html).tag(etag).header("Cache-Control", cache)
                .header("Content-Language", lang.code()).header("Vary", "Accept-Encoding").build();
    }

    /** A signed-in page: the user's own data, never stored by any cache. */
    static Response privatePage(TemplateInstance page, Lang lang) {
        return Response.ok(page.setLocale(lang.locale()).render(), HTML).header("Cache-Control", "private, no-store")
                .header("Content-Language", lang.code()).build();
    }

    private static String sha256(String html) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
