package be.mhealth.pyramid.registry.api.fhir;

/**
 * The canonical URLs of what Pyramid defines for FHIR R4: code systems, extensions and search parameters. They are
 * identifiers and never change with a deployment (the mapping table is in the registry's README).
 */
public final class FhirUrls {
    private FhirUrls() {
    }

    public static final String BASE = "https://fhir.pyramid.mhealth.be";

    public static final String CS_PROPERTY = BASE + "/CodeSystem/mhealth-app-property";
    public static final String CS_LEVEL = BASE + "/CodeSystem/pyramid-level";
    public static final String CS_CATEGORY = BASE + "/CodeSystem/mhealth-app-category";
    public static final String CS_PLATFORM = BASE + "/CodeSystem/mhealth-app-platform";
    public static final String CS_TARGET_USER = BASE + "/CodeSystem/mhealth-app-target-user";
    public static final String CS_M2_CRITERION = BASE + "/CodeSystem/m2-criterion";
    public static final String CS_REGULATION = BASE + "/CodeSystem/eu-medical-device-regulation";
    public static final String CS_DEVICE_CLASS = BASE + "/CodeSystem/eu-medical-device-class";
    public static final String CS_REIMBURSEMENT_KIND = BASE + "/CodeSystem/reimbursement-kind";
    /** NIHDI's nomenclature codes; Pyramid's system URI until NIHDI publishes one for FHIR. */
    public static final String CS_NIHDI_NOMENCLATURE = BASE + "/CodeSystem/nihdi-nomenclature";

    public static final String EXT_CATEGORY = BASE + "/StructureDefinition/mhealth-app-category";
    public static final String EXT_CE_MARKING = BASE + "/StructureDefinition/mhealth-app-ce-marking";
    public static final String EXT_INTEROPERABILITY = BASE + "/StructureDefinition/mhealth-app-interoperability";
    public static final String EXT_REIMBURSEMENT = BASE + "/StructureDefinition/mhealth-app-reimbursement";
    public static final String EXT_REIMBURSEMENT_KIND = BASE + "/StructureDefinition/reimbursement-kind";
    public static final String EXT_DEVICE_DEFINITION_LINK = BASE + "/StructureDefinition/reimbursement-device-definition";
    /** HL7's extension for a text in another language (on a string or markdown element). */
    public static final String EXT_TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";

    public static final String SP_NAME = BASE + "/SearchParameter/DeviceDefinition-name";
    public static final String SP_LEVEL = BASE + "/SearchParameter/DeviceDefinition-level";
    public static final String SP_CATEGORY = BASE + "/SearchParameter/DeviceDefinition-category";
    public static final String SP_DEVICE = BASE + "/SearchParameter/ChargeItemDefinition-device";

    /** Registry ids as identifiers: RFC 3986 URIs of the form urn:uuid:… . */
    public static final String URI_SYSTEM = "urn:ietf:rfc:3986";
    public static final String ISO_COUNTRY = "urn:iso:std:iso:3166";
}
