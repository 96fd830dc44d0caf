package be.mhealth.pyramid.m3.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.m3.domain.Study;
import be.mhealth.pyramid.m3.domain.StudyDesign;

@Schema(name = "M3Study", description = "One clinical study offered as evidence", requiredProperties = { "design",
        "patients", "primaryOutcome", "result", "reference" })
public record M3Study(
        @NotNull StudyDesign design,
        @Schema(description = "Number of patients in the study", minimum = "1") @NotNull @Positive Integer patients,
        @NotBlank @Size(max = 1000) String primaryOutcome,
        @NotBlank @Size(max = 4000) String result,
        @Schema(description = "Where the study is published, e.g. a DOI", example = "10.1000/xyz123")
        @NotBlank @Size(max = 500) String reference) {

    Study toDomain() {
        return new Study(design, patients, primaryOutcome, result, reference);
    }

    static M3Study of(Study s) {
        return new M3Study(s.design(), s.patients(), s.primaryOutcome(), s.result(), s.reference());
    }
}
