package be.mhealth.pyramid.registry.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.config.OpenDataConfig;
import be.mhealth.pyramid.registry.config.RegistryConfig;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import be.mhealth.pyramid.registry.domain.OpenDataTexts;
import be.mhealth.pyramid.registry.repository.CatalogRepository;
import be.mhealth.pyramid.registry.repository.OpenDataRepository;
import be.mhealth.pyramid.registry.repository.OpenDataRepository.ListedRow;
import be.mhealth.pyramid.registry.repository.OpenDataRepository.Revision;
import be.mhealth.pyramid.support.problem.Problem;
import be.mhealth.pyramid.support.time.PlatformCalendar;

/**
 * The public catalog as one CSV file (RFC 4180): one row per listed app, streamed as it is read, in chunks of
 * {@code registry.open-data.csv.chunk-size} apps (a short query each; no transaction or connection is held while
 * the client reads), so memory stays flat whatever the catalog's size.
 */
@Path("/api/v1/open-data/catalog.csv")
@Tag(name = "Open data")
public class CatalogCsvResource {

    public static final String CSV = "text/csv";
    /** The columns, in order; their names are stable (machine-readable), the cells are in the language asked. */
    public static final List<String> COLUMNS = List.of("id", "name", "summary", "text_language", "category",
            "category_code", "platforms", "target_users", "level", "level_since", "website", "public_page",
            "m1_regulation", "m1_device_class", "m1_certificate_valid_until", "m2_criteria_met", "m2_criteria_codes",
            "m3_kind", "m3_nomenclature_code", "m3_amount", "m3_unit", "m3_start", "m3_end");
    /** Joins the values of a multi-valued cell. */
    static final String LIST_SEPARATOR = " | ";
    private static final int FORMAT = 1;
    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
    private static final CSVFormat RFC4180 = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final OpenDataRepository openData;
    private final CatalogRepository catalog;
    private final Clock clock;
    private final String cacheControl;
    private final OpenDataConfig.Csv config;

    CatalogCsvResource(OpenDataRepository openData, CatalogRepository catalog, Clock clock, RegistryConfig registry,
            OpenDataConfig config) {
        this.openData = openData;
        this.catalog = catalog;
        this.clock = clock;
        this.cacheControl = registry.catalog().cacheControl();
        this.config = config.csv();
    }

    @GET
    @PermitAll
    @Operation(operationId = "getCatalogCsv", summary = "The catalog as CSV", description = "One row per listed app (highest level first, then by "
            + "name), with its level and the key public facts of each level it holds: M1 regulation, device class and "
            + "certificate expiry; M2 criteria met; M3 kind, nomenclature code, amount, unit and period. Names, "
            + "summary, category and labels in the language asked (`lang`, else Accept-Language, else en). RFC 4180: "
            + "comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted, quotes doubled; "
            + "UTF-8 with a byte order mark unless `bom=false` (so that spreadsheets read UTF-8); a header row. A cell "
            + "that starts with = + - @, a tab or a carriage return gets a leading apostrophe, so that no spreadsheet "
            + "runs it as a formula. Streamed: rows are written as they are read.")
    @Parameter(name = HttpHeaders.ACCEPT_LANGUAGE, in = ParameterIn.HEADER,
            description = "preferred languages, used when `lang` is absent", example = "nl-BE, fr;q=0.8")
    @APIResponse(responseCode = "200", description = "The CSV file",
            headers = { @Header(name = "Content-Disposition", description = "attachment with a file name"),
                    @Header(name = "ETag", description = "the catalog's revision, the date and the language"),
                    @Header(name = "Last-Modified", description = "when the catalog last changed") },
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified since the validators sent")
    @APIResponse(responseCode = "400", description = "An invalid `lang` or `bom`, named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(
            @Parameter(description = "language of the texts; overrides Accept-Language",
                    schema = @Schema(enumeration = { "nl", "fr", "en", "de" })) @QueryParam("lang") String lang,
            @Parameter(description = "start with a UTF-8 byte order mark (default true: spreadsheets need it to read "
                    + "UTF-8; false for tools that take it for data)", schema = @Schema(enumeration = { "true", "false" }))
            @QueryParam("bom") String bom,
            @Context HttpHeaders headers, @Context Request request, @Context UriInfo uri) {
        Language language = OpenData.language(lang, headers).orElse(null);
        if (language == null) {
            return OpenData.invalid("lang", "must be one of nl, fr, en, de");
        }
        if (bom != null && !bom.equals("true") && !bom.equals("false")) {
            return OpenData.invalid("bom", "must be true or false");
        }
        boolean withBom = bom == null ? config.bom() : Boolean.parseBoolean(bom);
        Revision revision = openData.revision();
        LocalDate today = PlatformCalendar.today(clock);
        // The date is part of the tag: whether a certificate is still valid turns at midnight.
        EntityTag etag = new EntityTag("v" + FORMAT + "-" + revision.revision() + "-" + today.toEpochDay() + "-"
                + language.code() + (withBom ? "-bom" : ""), true);
        Response.ResponseBuilder notModified = OpenData.notModified(request, headers, etag, revision);
        if (notModified != null) {
            return OpenData.validators(notModified, etag, revision, cacheControl).build();
        }
        URI base = uri.getBaseUri();
        StreamingOutput body = out -> write(out, language, withBom, today, base);
        String file = "pyramid-catalog-" + language.code() + "-" + today + ".csv";
        return OpenData.validators(Response.ok(body, CSV + "; charset=utf-8; header=present"), etag, revision,
                cacheControl)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header(HttpHeaders.CONTENT_LANGUAGE, language.code()).build();
    }

    private void write(OutputStream out, Language language, boolean bom, LocalDate today, URI base)
            throws IOException {
        if (bom) {
            out.write(BOM);
        }
        OpenDataTexts texts = OpenDataTexts.of(language);
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 16 * 1024);
        CSVPrinter csv = new CSVPrinter(writer, RFC4180);
        csv.printRecord(COLUMNS);
        int chunk = config.chunkSize();
        for (Level level : List.of(Level.M3, Level.M2, Level.M1)) {
            String afterName = null;
            UUID afterId = null;
            while (true) {
                List<ListedRow> rows = openData.listed(level, afterName, afterId, chunk, language);
                if (rows.isEmpty()) {
                    break;
                }
                Map<UUID, List<LevelGrant>> grants = catalog.activeGrants(rows.stream().map(ListedRow::id).toList());
                for (ListedRow row : rows) {
                    csv.printRecord(guard(cells(row, LevelFacts.of(row.level(), grants.getOrDefault(row.id(),
                            List.of()), today), texts, base)));
                }
                // What was read goes out before the next chunk is read.
                csv.flush();
                if (rows.size() < chunk) {
                    break;
                }
                ListedRow last = rows.get(rows.size() - 1);
                afterName = last.name();
                afterId = last.id();
            }
        }
        csv.close(true);
    }

    private static List<String> cells(ListedRow row, LevelFacts facts, OpenDataTexts texts, URI base) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(row.id().toString());
        cells.add(row.name());
        cells.add(row.summary());
        cells.add(row.textLanguage().code());
        cells.add(texts.category(row.category()));
        cells.add(row.category().name());
        cells.add(row.platforms().stream().map(texts::platform).collect(Collectors.joining(LIST_SEPARATOR)));
        cells.add(row.targetUsers().stream().map(texts::targetUser).collect(Collectors.joining(LIST_SEPARATOR)));
        cells.add(row.level().name());
        cells.add(row.levelSince() == null ? "" : row.levelSince().toInstant().toString());
        cells.add(row.website());
        cells.add(UriBuilder.fromUri(base).path("api/v1/apps/{id}").build(row.id()).toString());
        LevelFacts.M1 m1 = facts.m1();
        cells.add(m1 == null ? "" : text(m1.regulation()));
        cells.add(m1 == null ? "" : text(m1.deviceClass()));
        cells.add(m1 == null || m1.certificateExpiresOn() == null ? "" : m1.certificateExpiresOn().toString());
        LevelFacts.M2 m2 = facts.m2();
        cells.add(m2 == null ? "" : m2.criteriaMet().stream().map(texts::criterion)
                .collect(Collectors.joining(LIST_SEPARATOR)));
        cells.add(m2 == null ? "" : String.join(LIST_SEPARATOR, m2.criteriaMet()));
        LevelFacts.M3 m3 = facts.m3();
        cells.add(m3 == null ? "" : texts.kind(m3.kind()));
        cells.add(m3 == null ? "" : text(m3.nomenclatureCode()));
        cells.add(m3 == null || m3.amount() == null ? "" : m3.amount().toPlainString());
        cells.add(m3 == null ? "" : text(m3.unit()));
        cells.add(m3 == null || m3.startDate() == null ? "" : m3.startDate().toString());
        cells.add(m3 == null || m3.endDate() == null ? "" : m3.endDate().toString());
        return cells;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /**
     * CSV injection guard (OWASP): a cell starting with {@code = + - @}, a tab or a carriage return would run as a
     * formula when a spreadsheet opens the file; a leading apostrophe makes it text. Cells we write ourselves
     * (numbers, dates, codes) never start with one of them.
     */
    static List<String> guard(List<String> cells) {
        List<String> safe = new ArrayList<>(cells.size());
        for (String cell : cells) {
            safe.add(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell);
        }
        return safe;
    }
}
