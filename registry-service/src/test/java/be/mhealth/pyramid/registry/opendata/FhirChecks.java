package be.mhealth.pyramid.registry.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.instance.model.api.IBaseResource;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;

/**
 * A FHIR R4 response parsed back with HAPI's strict parser (unknown elements and invalid values fail) and validated
 * against the R4 XML schemas (hapi-fhir-validation-resources-r4: cardinalities, so every required element, data
 * types, element order). hapi-fhir-validation (profile and terminology checks) is not served by the Maven mirror.
 */
public final class FhirChecks {

    public static final FhirContext R4 = FhirContext.forR4Cached();

    private FhirChecks() {
    }

    public static <T extends IBaseResource> T json(String body, Class<T> type) {
        return valid(R4.newJsonParser().setParserErrorHandler(new StrictErrorHandler()), body, type);
    }

    public static <T extends IBaseResource> T xml(String body, Class<T> type) {
        return valid(R4.newXmlParser().setParserErrorHandler(new StrictErrorHandler()), body, type);
    }

    private static <T extends IBaseResource> T valid(IParser parser, String body, Class<T> type) {
        T resource = parser.parseResource(type, body);
        FhirValidator validator = R4.newValidator();
        validator.setValidateAgainstStandardSchema(true);
        validator.setValidateAgainstStandardSchematron(false);
        ValidationResult result = validator.validateWithResult(resource);
        assertThat(result.getMessages())
                .filteredOn(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .as("R4 schema validation of %s", type.getSimpleName()).isEmpty();
        return resource;
    }
}
