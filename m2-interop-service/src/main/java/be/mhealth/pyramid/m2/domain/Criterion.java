package be.mhealth.pyramid.m2.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The M2 criteria an independent test centre checks. */
@Schema(name = "M2Criterion", description = "An M2 criterion a test centre checks")
public enum Criterion {
    AUTHENTICATION("authentication of users with eID or itsme through eHealth IAM"),
    IDENTIFICATION("identification of the patient by NISS/INSZ"),
    RELATIONSHIP("a therapeutic link or the patient's consent before data is shared"),
    SECURITY("transport encryption; eHealthBox where data is sent"),
    INTEROPERABILITY("FHIR R4 with the Belgian profiles, or KMEHR");

    private final String description;

    Criterion(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
