package be.mhealth.pyramid.registry.api.fhir;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/**
 * HAPI FHIR's R4 context (built once; its parsers are made per response) and the FHIR API's formats: JSON or XML
 * from {@code _format}, else from Accept, else JSON (RFC: FHIR R4 "Http" page, "Content Types and encodings").
 */
@ApplicationScoped
public class Fhir {

    public static final String JSON = "application/fhir+json";
    public static final String XML = "application/fhir+xml";

    public enum Format {
        JSON(Fhir.JSON), XML(Fhir.XML);

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    private final FhirContext context = FhirContext.forR4Cached();

    public FhirContext context() {
        return context;
    }

    /** The format asked by {@code _format} or Accept; a 406 when neither names JSON, XML or anything. */
    public static Format format(String formatParameter, HttpHeaders headers) {
        if (formatParameter != null) {
            // An unencoded + in a query string arrives as a space (application/fhir xml).
            return switch (formatParameter.trim().replace(' ', '+').toLowerCase(Locale.ROOT)) {
                case "json", JSON, "application/json", "application/json+fhir" -> Format.JSON;
                case "xml", XML, "application/xml", "text/xml", "application/xml+fhir" -> Format.XML;
                default -> throw new FhirException(406, IssueType.NOTSUPPORTED,
                        "_format: " + formatParameter + " is not served (json or xml)", "_format");
            };
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        for (MediaType type : accepted) {
            String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
            if (type.isWildcardType() || (type.getType().equals("application") && type.isWildcardSubtype())) {
                return Format.JSON;
            }
            if (subtype.equals("fhir+json") || subtype.equals("json") || subtype.equals("json+fhir")) {
                return Format.JSON;
            }
            if (subtype.equals("fhir+xml") || subtype.equals("xml") || subtype.equals("xml+fhir")) {
                return Format.XML;
            }
        }
        throw new FhirException(406, IssueType.NOTSUPPORTED,
                "Accept: none of the types asked is served (application/fhir+json, application/fhir+xml)", "Accept");
    }

    /** The format for an error: what was asked if it can be served, else JSON. */
    public static Format errorFormat(String formatParameter, HttpHeaders headers) {
        try {
            return format(formatParameter, headers);
        } catch (FhirException e) {
            return Format.JSON;
        }
    }

    public String encode(IBaseResource resource, Format format, boolean pretty) {
        IParser parser = format == Format.XML ? context.newXmlParser() : context.newJsonParser();
        return parser.setPrettyPrint(pretty).encodeResourceToString(resource);
    }

    public Response.ResponseBuilder ok(IBaseResource resource, Format format, boolean pretty) {
        return Response.ok(encode(resource, format, pretty), format.mediaType() + ";charset=utf-8");
    }

    /** An OperationOutcome with one error issue, and the status it is answered with. */
    public Response outcome(int status, IssueType type, String diagnostics, String expression, Format format) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(status >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR).setCode(type)
                .setDiagnostics(diagnostics);
        if (expression != null) {
            issue.addExpression(expression);
        }
        outcome.getText().setStatus(org.hl7.fhir.r4.model.Narrative.NarrativeStatus.GENERATED)
                .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>"
                        + org.apache.commons.text.StringEscapeUtils.escapeXml10(diagnostics) + "</p></div>");
        return Response.status(status).entity(encode(outcome, format, false))
                .type(format.mediaType() + ";charset=utf-8").build();
    }
}
