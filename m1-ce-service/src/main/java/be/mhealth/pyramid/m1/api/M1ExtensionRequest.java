package be.mhealth.pyramid.m1.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Limits;

@Schema(name = "M1ExtensionRequest", description = "FAMHP extends the validity of the certificate behind a grant")
public record M1ExtensionRequest(
        @Schema(description = "The new last day of validity: after the one on record, at most five years from today "
                + "(an MDD certificate at the latest 2028-12-31)", example = "2028-12-31") @NotNull LocalDate expiresOn,
        @Schema(description = "The legal basis of the extension", example = "Regulation (EU) 2023/607")
        @NotBlank @Size(max = Limits.EXTENSION_LEGAL_BASIS) String legalBasis,
        @Schema(description = "What FAMHP relied on, e.g. the notified body's confirmation",
                example = "the notified body confirmed that the conditions of Article 120(3c) MDR are met")
        @NotBlank @Size(max = Limits.REASON) String reason) {
}
