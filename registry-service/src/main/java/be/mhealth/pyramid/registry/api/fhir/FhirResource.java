package be.mhealth.pyramid.registry.api.fhir;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.api.OpenData;
import be.mhealth.pyramid.registry.api.Paging;
import be.mhealth.pyramid.registry.config.RegistryConfig;
import be.mhealth.pyramid.registry.domain.Language;
import be.mhealth.pyramid.registry.domain.LevelGrant;
import be.mhealth.pyramid.registry.repository.CatalogRepository;
import be.mhealth.pyramid.registry.repository.OpenDataRepository;
import be.mhealth.pyramid.registry.repository.OpenDataRepository.FhirAppRow;
import be.mhealth.pyramid.registry.repository.OpenDataRepository.Revision;
import be.mhealth.pyramid.support.inbox.Failures;
import be.mhealth.pyramid.support.time.PlatformCalendar;

/**
 * FHIR R4, read-only and public: the CapabilityStatement, listed apps as DeviceDefinitions and M3 reimbursements as
 * ChargeItemDefinitions (read and search). Resources are built and encoded with HAPI FHIR's R4 structures; every
 * error is an OperationOutcome with its HTTP status.
 */
@Path("/fhir/r4")
@Tag(name = "FHIR R4", description = "Listed apps as DeviceDefinition, M3 reimbursements as ChargeItemDefinition")
public class FhirResource {

    private static final Logger LOG = Logger.getLogger(FhirResource.class);
    /** Bumped when the resources' shape changes, so that no cache keeps the old one. */
    private static final int FORMAT = 1;
    /** When this API's capabilities last changed (the CapabilityStatement's date). */
    private static final String CAPABILITIES_DATE = "2026-12-05";

    private final Fhir fhir;
    private final OpenDataRepository openData;
    private final CatalogRepository catalog;
    private final Paging paging;
    private final Clock clock;
    private final String cacheControl;

    FhirResource(Fhir fhir, OpenDataRepository openData, CatalogRepository catalog, Paging paging, Clock clock,
            RegistryConfig config) {
        this.fhir = fhir;
        this.openData = openData;
        this.catalog = catalog;
        this.paging = paging;
        this.clock = clock;
        this.cacheControl = config.catalog().cacheControl();
    }

    @GET
    @Path("metadata")
    @PermitAll
    @Operation(operationId = "getFhirCapabilityStatement", summary = "The FHIR CapabilityStatement", description = "What this read-only FHIR R4 server serves: "
            + "DeviceDefinition (read, search by _id, name, level, category, _lastUpdated) and ChargeItemDefinition "
            + "(read, search by _id, device); JSON and XML (`_format` or Accept).")
    @APIResponse(responseCode = "200", description = "The CapabilityStatement",
            content = { @Content(mediaType = Fhir.JSON, schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = Fhir.XML, schema = @Schema(type = SchemaType.STRING)) })
    public Response metadata(@Parameter(description = "json or xml; overrides Accept") @jakarta.ws.rs.QueryParam("_format") String format,
            @Parameter(description = "true: indented") @jakarta.ws.rs.QueryParam("_pretty") String pretty,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        Fhir.Format f = Fhir.format(format, headers);
        return fhir.ok(capabilities(fhirBase(uri)), f, "true".equals(pretty))
                .header("Cache-Control", cacheControl).header("Vary", "Accept").build();
    }

    @GET
    @Path("DeviceDefinition")
    @PermitAll
    @Operation(operationId = "searchFhirDeviceDefinitions", summary = "Search listed apps (DeviceDefinition)", description = "A searchset Bundle of listed apps "
            + "with `total` and `self`, `first` and `next` links. `name` (string: starts with, `:contains`, "
            + "`:exact`; any language), `level` (token, exact: `level=M2,M3` for M2 and up), `category` (token), "
            + "`_lastUpdated` (date with eq, ne, gt, lt, ge, le), `_id`; `_count` (default and cap as the catalog's "
            + "page size; 0 or `_summary=count`: the total only). Texts in the language of Accept-Language, with "
            + "every other language in translation extensions. Unknown parameters are ignored unless `Prefer: "
            + "handling=strict`; invalid values are a 400 OperationOutcome.")
    @Parameter(name = "name", in = ParameterIn.QUERY, description = "the app's name, in any language")
    @Parameter(name = "level", in = ParameterIn.QUERY, description = "M1, M2 or M3 (comma-separated: any of them)")
    @Parameter(name = "category", in = ParameterIn.QUERY, description = "the app's medical field, e.g. CARDIOLOGY")
    @Parameter(name = "_lastUpdated", in = ParameterIn.QUERY, description = "e.g. ge2026-01-01")
    @Parameter(name = "_count", in = ParameterIn.QUERY, description = "entries per page")
    @Parameter(name = "_format", in = ParameterIn.QUERY, description = "json or xml; overrides Accept")
    @APIResponse(responseCode = "200", description = "A searchset Bundle",
            content = { @Content(mediaType = Fhir.JSON, schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = Fhir.XML, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "An invalid search parameter (OperationOutcome)",
            content = @Content(mediaType = Fhir.JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "406", description = "A format that is not served (OperationOutcome)")
    public Response searchDeviceDefinitions(@Context UriInfo uri, @Context HttpHeaders headers,
            @Context Request request) {
        Fhir.Format format = Fhir.format(uri.getQueryParameters().getFirst("_format"), headers);
        FhirSearch search = FhirSearch.deviceDefinitions(uri.getQueryParameters(), strict(headers),
                paging.size(null), paging.size(Integer.MAX_VALUE));
        return searchset(uri, headers, request, format, search, "DeviceDefinition", "", (rows, language, today) -> {
            Map<UUID, List<LevelGrant>> grants = catalog.activeGrants(rows.stream().map(FhirAppRow::id).toList());
            return rows.stream().<Resource>map(row -> FhirMapper.deviceDefinition(row, grants.getOrDefault(row.id(),
                    List.of()), language, today)).toList();
        });
    }

    @GET
    @Path("DeviceDefinition/{id}")
    @PermitAll
    @Operation(operationId = "getFhirDeviceDefinition", summary = "A listed app (DeviceDefinition)", description = "404 for an id that was never listed, "
            + "410 for an app that is no longer listed.")
    @APIResponse(responseCode = "200", description = "The DeviceDefinition",
            content = { @Content(mediaType = Fhir.JSON, schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = Fhir.XML, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "404", description = "Not a listed app (OperationOutcome)")
    @APIResponse(responseCode = "410", description = "No longer listed (OperationOutcome)")
    public Response readDeviceDefinition(@PathParam("id") String id, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context Request request) {
        Fhir.Format format = Fhir.format(uri.getQueryParameters().getFirst("_format"), headers);
        UUID appId = uuid(id).orElseThrow(() -> FhirException.notFound("DeviceDefinition/" + id + " is not known"));
        return read(uri, headers, request, format, appId, "DeviceDefinition", "", (row, language, today) ->
                FhirMapper.deviceDefinition(row, catalog.activeGrants(List.of(appId)).getOrDefault(appId, List.of()),
                        language, today), () -> openData.wasListed(appId));
    }

    @GET
    @Path("ChargeItemDefinition")
    @PermitAll
    @Operation(operationId = "searchFhirChargeItemDefinitions", summary = "Search M3 reimbursements (ChargeItemDefinition)", description = "A searchset Bundle of the "
            + "reimbursements of the apps listed at M3: `device` (DeviceDefinition/{id} or the id), `_id`, "
            + "`_count`, `_summary=count`.")
    @Parameter(name = "device", in = ParameterIn.QUERY, description = "DeviceDefinition/{id}: the app's reimbursement")
    @APIResponse(responseCode = "200", description = "A searchset Bundle",
            content = { @Content(mediaType = Fhir.JSON, schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = Fhir.XML, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "400", description = "An invalid search parameter (OperationOutcome)")
    public Response searchChargeItemDefinitions(@Context UriInfo uri, @Context HttpHeaders headers,
            @Context Request request) {
        Fhir.Format format = Fhir.format(uri.getQueryParameters().getFirst("_format"), headers);
        FhirSearch search = FhirSearch.chargeItemDefinitions(uri.getQueryParameters(), strict(headers),
                paging.size(null), paging.size(Integer.MAX_VALUE));
        return searchset(uri, headers, request, format, search, "ChargeItemDefinition", M3_ONLY,
                (rows, language, today) -> {
                    Map<UUID, List<LevelGrant>> grants = catalog.activeGrants(rows.stream().map(FhirAppRow::id).toList());
                    return rows.stream().<Resource>map(row -> FhirMapper.chargeItemDefinition(row,
                            m3(grants.getOrDefault(row.id(), List.of())), language, fhirBase(uri))).toList();
                });
    }

    @GET
    @Path("ChargeItemDefinition/{id}")
    @PermitAll
    @Operation(operationId = "getFhirChargeItemDefinition", summary = "An M3 reimbursement (ChargeItemDefinition)", description = "The id is the app's; 404 when "
            + "the app is not listed at M3, 410 when its reimbursement no longer counts.")
    @APIResponse(responseCode = "200", description = "The ChargeItemDefinition",
            content = { @Content(mediaType = Fhir.JSON, schema = @Schema(type = SchemaType.OBJECT)),
                    @Content(mediaType = Fhir.XML, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "404", description = "No such reimbursement (OperationOutcome)")
    @APIResponse(responseCode = "410", description = "No longer in force (OperationOutcome)")
    public Response readChargeItemDefinition(@PathParam("id") String id, @Context UriInfo uri,
            @Context HttpHeaders headers, @Context Request request) {
        Fhir.Format format = Fhir.format(uri.getQueryParameters().getFirst("_format"), headers);
        UUID appId = uuid(id).orElseThrow(() -> FhirException.notFound("ChargeItemDefinition/" + id + " is not known"));
        return read(uri, headers, request, format, appId, "ChargeItemDefinition", M3_ONLY, (row, language, today) ->
                FhirMapper.chargeItemDefinition(row, m3(catalog.activeGrants(List.of(appId)).getOrDefault(appId,
                        List.of())), language, fhirBase(uri)), () -> openData.hadReimbursement(appId));
    }

    @GET
    @Path("{path: .*}")
    @PermitAll
    @Operation(hidden = true)
    public Response unknown(@PathParam("path") String path) {
        throw new FhirException(404, IssueType.NOTSUPPORTED, "this server serves metadata, DeviceDefinition and "
                + "ChargeItemDefinition only, not " + path, null);
    }

    @ServerExceptionMapper
    public Response refused(FhirException e, HttpHeaders headers, UriInfo uri) {
        return fhir.outcome(e.status(), e.issue(), e.getMessage(), e.expression(),
                Fhir.errorFormat(uri.getQueryParameters().getFirst("_format"), headers));
    }

    @ServerExceptionMapper
    public Response failed(Exception e, HttpHeaders headers, UriInfo uri) {
        Fhir.Format format = Fhir.errorFormat(uri.getQueryParameters().getFirst("_format"), headers);
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return fhir.outcome(web.getResponse().getStatus(), IssueType.PROCESSING, e.getMessage(), null, format);
        }
        String incident = UUID.randomUUID().toString();
        if (Failures.classify(e) == Failures.Kind.TRANSIENT) {
            LOG.warnf("unavailable, incident %s: %s", incident, Failures.telling(e));
            Response outcome = fhir.outcome(503, IssueType.TRANSIENT, "the service cannot answer right now; try again "
                    + "(incident " + incident + ")", null, format);
            return Response.fromResponse(outcome).header(HttpHeaders.RETRY_AFTER, "2").build();
        }
        LOG.errorf(e, "unexpected error, incident %s", incident);
        return fhir.outcome(500, IssueType.EXCEPTION, "unexpected error; incident " + incident, null, format);
    }

    // ---- the shared shape of reads and searches ----

    /** Only apps listed at M3 have a reimbursement in force. */
    private static final String M3_ONLY = " and a.effective_level = 'M3'";

    private interface Page {
        List<Resource> resources(List<FhirAppRow> rows, Language language, LocalDate today);
    }

    private interface One {
        Resource resource(FhirAppRow row, Language language, LocalDate today);
    }

    private interface Existed {
        boolean existed();
    }

    private Response searchset(UriInfo uri, HttpHeaders headers, Request request, Fhir.Format format,
            FhirSearch search, String type, String condition, Page page) {
        Language language = language(headers);
        Revision revision = openData.revision();
        EntityTag etag = etag(revision, language, format, uri);
        Response.ResponseBuilder notModified = OpenData.notModified(request, headers, etag, revision);
        if (notModified != null) {
            return OpenData.validators(notModified, etag, revision, cacheControl).header("Vary", "Accept").build();
        }
        String where = condition + search.where();
        long total = openData.countFhirApps(where, search.values());
        String base = fhirBase(uri) + type;
        Bundle bundle = new Bundle().setType(BundleType.SEARCHSET).setTotal((int) total);
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().setLastUpdated(Date.from(revision.changedAt().toInstant()));
        bundle.addLink().setRelation("self").setUrl(base + "?" + search.query(search.cursor()));
        bundle.addLink().setRelation("first").setUrl(base + "?" + search.query(null));
        if (!search.countOnly() && total > 0) {
            List<FhirAppRow> rows = openData.fhirApps(where, search.values(), search.cursor(), search.count() + 1);
            List<FhirAppRow> shown = rows.subList(0, Math.min(rows.size(), search.count()));
            for (Resource resource : page.resources(shown, language, PlatformCalendar.today(clock))) {
                bundle.addEntry().setFullUrl(base + "/" + resource.getIdElement().getIdPart()).setResource(resource)
                        .getSearch().setMode(SearchEntryMode.MATCH);
            }
            if (rows.size() > search.count()) {
                bundle.addLink().setRelation("next")
                        .setUrl(base + "?" + search.query(shown.get(shown.size() - 1).id()));
            }
        }
        return OpenData.validators(fhir.ok(bundle, format, pretty(uri)), etag, revision, cacheControl)
                .header("Vary", "Accept").header(HttpHeaders.CONTENT_LANGUAGE, language.code()).build();
    }

    private Response read(UriInfo uri, HttpHeaders headers, Request request, Fhir.Format format, UUID id, String type,
            String condition, One one, Existed existed) {
        Language language = language(headers);
        Revision revision = openData.revision();
        EntityTag etag = etag(revision, language, format, uri);
        Response.ResponseBuilder notModified = OpenData.notModified(request, headers, etag, revision);
        if (notModified != null) {
            return OpenData.validators(notModified, etag, revision, cacheControl).header("Vary", "Accept").build();
        }
        List<FhirAppRow> rows = openData.fhirApps(condition + " and a.id = ?", List.of(id), null, 1);
        if (rows.isEmpty()) {
            if (existed.existed()) {
                throw new FhirException(410, IssueType.DELETED, type + "/" + id + " is no longer listed", null);
            }
            throw FhirException.notFound(type + "/" + id + " is not known");
        }
        Resource resource = one.resource(rows.get(0), language, PlatformCalendar.today(clock));
        return OpenData.validators(fhir.ok(resource, format, pretty(uri)), etag, revision, cacheControl)
                .header("Vary", "Accept").header(HttpHeaders.CONTENT_LANGUAGE, language.code())
                .header("Content-Location", fhirBase(uri) + type + "/" + id).build();
    }

    private CapabilityStatement capabilities(URI base) {
        CapabilityStatement capabilities = new CapabilityStatement();
        capabilities.setStatus(Enumerations.PublicationStatus.ACTIVE);
        capabilities.setDateElement(new org.hl7.fhir.r4.model.DateTimeType(CAPABILITIES_DATE));
        capabilities.setPublisher("Pyramid (mHealthBelgium)");
        capabilities.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        capabilities.getSoftware().setName("Pyramid registry-service");
        capabilities.getImplementation().setDescription("The public catalog of Belgium's mHealth pyramid: listed "
                + "apps and their M3 reimbursements, read-only").setUrl(base.toString());
        capabilities.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        capabilities.addFormat("json");
        capabilities.addFormat("xml");
        CapabilityStatement.CapabilityStatementRestComponent rest = capabilities.addRest()
                .setMode(CapabilityStatement.RestfulCapabilityMode.SERVER)
                .setDocumentation("Public and read-only: no authentication. Texts in the language of Accept-Language "
                        + "(nl, fr, en, de), the others in translation extensions.");
        CapabilityStatementRestResourceComponent devices = resource(rest, "DeviceDefinition");
        searchParam(devices, "_id", null, Enumerations.SearchParamType.TOKEN, "the app's id");
        searchParam(devices, "name", FhirUrls.SP_NAME, Enumerations.SearchParamType.STRING,
                "the app's name in any language: starts with (case-insensitive), :contains, :exact");
        searchParam(devices, "level", FhirUrls.SP_LEVEL, Enumerations.SearchParamType.TOKEN,
                "the effective level (" + FhirUrls.CS_LEVEL + "): the property of type level; exact match, "
                        + "comma-separated values for any of them");
        searchParam(devices, "category", FhirUrls.SP_CATEGORY, Enumerations.SearchParamType.TOKEN,
                "the medical field (" + FhirUrls.CS_CATEGORY + ")");
        searchParam(devices, "_lastUpdated", null, Enumerations.SearchParamType.DATE,
                "when the listing, the level or a grant last changed");
        CapabilityStatementRestResourceComponent charges = resource(rest, "ChargeItemDefinition");
        searchParam(charges, "_id", null, Enumerations.SearchParamType.TOKEN, "the app's id");
        searchParam(charges, "device", FhirUrls.SP_DEVICE, Enumerations.SearchParamType.REFERENCE,
                "the DeviceDefinition (app) reimbursed");
        return capabilities;
    }

    private static CapabilityStatementRestResourceComponent resource(
            CapabilityStatement.CapabilityStatementRestComponent rest, String type) {
        CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
        resource.addInteraction().setCode(TypeRestfulInteraction.READ);
        resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.NOVERSION);
        return resource;
    }

    private static void searchParam(CapabilityStatementRestResourceComponent resource, String name, String definition,
            Enumerations.SearchParamType type, String documentation) {
        CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent param = resource.addSearchParam()
                .setName(name).setType(type).setDocumentation(documentation);
        if (definition != null) {
            param.setDefinition(definition);
        }
    }

    private static LevelGrant m3(List<LevelGrant> grants) {
        return grants.stream().filter(g -> g.active && g.level == Level.M3).findFirst()
                .orElseThrow(() -> new IllegalStateException("an M3 app without an active M3 grant"));
    }

    private EntityTag etag(Revision revision, Language language, Fhir.Format format, UriInfo uri) {
        long day = PlatformCalendar.today(clock).toEpochDay();
        return new EntityTag("f" + FORMAT + "-" + revision.revision() + "-" + day + "-" + language.code() + "-"
                + format.name().toLowerCase() + (pretty(uri) ? "-p" : ""), true);
    }

    private static Language language(HttpHeaders headers) {
        return OpenData.language(null, headers).orElse(Language.DEFAULT);
    }

    private static boolean strict(HttpHeaders headers) {
        String prefer = headers.getHeaderString("Prefer");
        return prefer != null && prefer.replace(" ", "").contains("handling=strict");
    }

    private static boolean pretty(UriInfo uri) {
        return "true".equals(uri.getQueryParameters().getFirst("_pretty"));
    }

    private static java.util.Optional<UUID> uuid(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static URI fhirBase(UriInfo uri) {
        return uri.getBaseUri().resolve("fhir/r4/");
    }
}
